using System.Linq;
using System.Text.RegularExpressions;
using Bastion.Validation;
using Xunit;

namespace Bastion.Tests;

public sealed class ValidationTests
{
    [Fact]
    public void Collector_keys_errors_by_json_path()
    {
        var errors = new ValidationCollector();
        Assert.True(errors.Enter("tags"));
        Assert.True(errors.EnterIndex(2));
        errors.Add("name", "bad");
        errors.Exit();
        errors.Exit();
        errors.Add("content", "required");
        errors.Add("content", "too long");

        var map = errors.ToDictionary();
        Assert.Equal(["bad"], map["tags[2].name"]);
        Assert.Equal(["required", "too long"], map["content"]);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Collector_refuses_nesting_beyond_its_depth_with_an_error()
    {
        var errors = new ValidationCollector();
        for (int i = 0; i < ValidationCollector.MaxDepth; i++)
        {
            Assert.True(errors.Enter("child"));
        }

        Assert.False(errors.Enter("child"));
        Assert.True(errors.HasErrors);
    }

    [Fact]
    public void Paths_deeper_than_the_inline_buffer_are_kept_exactly()
    {
        var errors = new ValidationCollector();
        for (int i = 0; i < 12; i++)
        {
            Assert.True(errors.Enter("n" + i));
            Assert.True(errors.EnterIndex(i));
        }

        errors.Add("leaf", "bad");
        string expected = string.Join(".", Enumerable.Range(0, 12).Select(i => $"n{i}[{i}]")) + ".leaf";
        Assert.Equal(["bad"], errors.ToDictionary()[expected]);

        for (int i = 0; i < 24; i++)
        {
            errors.Exit();
        }

        errors.Add("top", "bad");
        Assert.True(errors.ToDictionary().ContainsKey("top"));
    }

    [Fact]
    public void Valid_input_leaves_no_errors()
    {
        var errors = new ValidationCollector();
        errors.Enter("a");
        errors.Exit();
        Assert.False(errors.HasErrors);
        Assert.Empty(errors.ToDictionary());
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("abc-1", true)]
    [InlineData("ABC", false)]
    [InlineData("abc\n", false)]
    [InlineData("x abc", false)]
    public void Regular_expression_must_match_the_whole_value(string value, bool ok)
        => Assert.Equal(ok, ValidationChecks.IsFullMatch(new Regex("^[a-z0-9-]+$"), value));

    [Fact]
    public void First_match_semantics_follow_data_annotations()
        => Assert.False(ValidationChecks.IsFullMatch(new Regex("a|ab"), "ab"));

    [Fact]
    public void Catastrophic_backtracking_times_out_and_fails_closed()
    {
        var evil = new Regex("^(a+)+$", RegexOptions.None, System.TimeSpan.FromMilliseconds(50));
        Assert.False(ValidationChecks.IsFullMatch(evil, new string('a', 40) + "!"));
    }

    [Theory]
    [InlineData("ann@example.com", true)]
    [InlineData("a@b", true)]
    [InlineData("@example.com", false)]
    [InlineData("ann@", false)]
    [InlineData("a@b@c", false)]
    [InlineData("ann@example.com\r\nBcc: victim@example.com", false)]
    [InlineData("an n@example.com", false)]
    [InlineData("zoë@exämple.com", true)]
    [InlineData("ann@example.com\u00A0", false)]
    [InlineData("ann@exa\u2028mple.com", false)]
    [InlineData("ann@example.com\u007F", false)]
    public void Email_addresses(string value, bool ok) => Assert.Equal(ok, ValidationChecks.IsEmailAddress(value));

    [Theory]
    [InlineData("https://example.com/a?b=c", true)]
    [InlineData("HTTP://EXAMPLE.COM", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,<script>", false)]
    [InlineData("https://", false)]
    [InlineData("https:///evil", false)]
    [InlineData("//evil.example", false)]
    [InlineData("https://exa mple.com", false)]
    [InlineData("https://example.com\n", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("https://exämple.com/ö", true)]
    [InlineData("https://example.com/\u3000x", false)]
    [InlineData("https://example.com/\u0085", false)]
    public void Http_urls(string value, bool ok) => Assert.Equal(ok, ValidationChecks.IsHttpUrl(value));
}
