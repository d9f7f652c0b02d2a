using Bastion.Endpoints;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace Bastion.Tests;

public sealed class RequestValuesTests
{
    private enum Color { Red, Green }

    [Fact]
    public void Parameters_sent_twice_are_refused()
    {
        Assert.False(RequestValues.TrySingle(new StringValues(["1", "2"]), out _));
        Assert.True(RequestValues.TrySingle(new StringValues("1"), out string? one));
        Assert.Equal("1", one);
        Assert.True(RequestValues.TrySingle(StringValues.Empty, out string? none));
        Assert.Null(none);
    }

    [Theory]
    [InlineData("red", true)]
    [InlineData("Green", true)]
    [InlineData("1", false)]
    [InlineData("42", false)]
    [InlineData("Red, Green", false)]
    [InlineData("", false)]
    public void Enums_parse_by_defined_name_only(string text, bool ok)
        => Assert.Equal(ok, RequestValues.TryParseEnum<Color>(text, out _));

    [Theory]
    [InlineData("12", true)]
    [InlineData("1.5", false)]
    [InlineData("1e3", false)]
    [InlineData("99999999999", false)]
    public void Numbers_parse_with_the_invariant_culture(string text, bool ok)
        => Assert.Equal(ok, RequestValues.TryParse<int>(text, out _));

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("APPLICATION/JSON", true)]
    [InlineData("application/json; charset=latin1", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("multipart/form-data; boundary=x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_utf8_json_bodies_are_read(string? contentType, bool ok)
        => Assert.Equal(ok, JsonBody.IsUtf8Json(contentType));
}
