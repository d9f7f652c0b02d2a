using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Bastion.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Xunit;

namespace Bastion.Tests;

/// <summary>
/// FormBody as a primitive: what it reads, what it keeps, and the problem each cap or malformed body turns into. (The
/// same over real HTTP, through generated endpoints, is in the integration tests' FormTests.)
/// </summary>
public sealed class FormBodyTests
{
    private const string Boundary = "----bastion-test-boundary";

    private static readonly FormBodyLimits Limits = new(4096, ["content", "rating", "mood"], ["attachment"])
    {
        MaxFields = 8,
        MaxValueLength = 100,
        MaxFileBytes = 600,
    };

    private static DefaultHttpContext Request(string? contentType, byte[] body, bool declareLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        if (declareLength)
        {
            context.Request.ContentLength = body.Length;
        }

        return context;
    }

    private static DefaultHttpContext UrlEncoded(string body, string contentType = "application/x-www-form-urlencoded")
        => Request(contentType, Encoding.UTF8.GetBytes(body));

    private static DefaultHttpContext Multipart(string body, bool declareLength = true)
        => Request("multipart/form-data; boundary=" + Boundary, Encoding.UTF8.GetBytes(body.Replace("\n", "\r\n", StringComparison.Ordinal)), declareLength);

    private static string Part(string disposition, string content, string? contentType = null)
        => $"--{Boundary}\nContent-Disposition: {disposition}\n{(contentType is null ? string.Empty : "Content-Type: " + contentType + "\n")}\n{content}\n";

    private static string End => $"--{Boundary}--\n";

    private static ProblemHttpResult Refused(FormBodyResult result, int status, string title)
    {
        Assert.False(result.Succeeded);
        var problem = Assert.IsType<ProblemHttpResult>(result.Problem);
        Assert.Equal(status, problem.StatusCode);
        Assert.Equal(title, problem.ProblemDetails.Title);
        return problem;
    }

    [Fact]
    public async Task A_urlencoded_form_keeps_bound_fields_only_and_becomes_the_requests_form()
    {
        DefaultHttpContext context = UrlEncoded("content=hello+world%21&rating=4&unknown=dropped&__bastion_csrf=token-value");
        FormBodyResult result = await FormBody.ReadAsync(context, Limits);
        Assert.True(result.Succeeded);
        Assert.Equal("hello world!", result.Form["content"].ToString());
        Assert.Equal("4", result.Form["rating"].ToString());
        Assert.Equal("token-value", result.Form["__bastion_csrf"].ToString());
        Assert.False(result.Form.ContainsKey("unknown"));
        Assert.Same(result.Form, context.Features.Get<IFormFeature>()!.Form);
        Assert.Same(result.Form, await context.Request.ReadFormAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Names_are_case_insensitive_so_a_case_variant_is_the_same_field_sent_again()
    {
        FormBodyResult result = await FormBody.ReadAsync(UrlEncoded("content=one&CONTENT=two"), Limits);
        Assert.True(result.Succeeded);
        Assert.Equal(new string?[] { "one", "two" }, result.Form["content"].ToArray());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded; charset=iso-8859-1")]
    [InlineData("application/x-www-form-urlencoded; charset=utf-7")]
    [InlineData("multipart/mixed; boundary=x")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Anything_but_a_utf8_form_is_415(string? contentType)
        => Refused(await FormBody.ReadAsync(Request(contentType, "content=x"u8.ToArray()), Limits), 415, "Unsupported Media Type");

    [Theory]
    [InlineData("application/x-www-form-urlencoded; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded; charset=\"UTF-8\"")]
    [InlineData("APPLICATION/X-WWW-FORM-URLENCODED")]
    public async Task Urlencoded_forms_without_a_charset_or_in_utf8_are_read(string contentType)
        => Assert.True((await FormBody.ReadAsync(UrlEncoded("content=x", contentType), Limits)).Succeeded);

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=")]
    [InlineData("multipart/form-data; boundary=\"\"")]
    public async Task A_multipart_body_without_a_boundary_is_malformed(string contentType)
        => Refused(await FormBody.ReadAsync(Request(contentType, "x"u8.ToArray()), Limits), 400, "Malformed form");

    [Fact]
    public async Task A_boundary_longer_than_70_characters_is_malformed()
        => Refused(await FormBody.ReadAsync(Request("multipart/form-data; boundary=" + new string('b', 71), "x"u8.ToArray()), Limits), 400, "Malformed form");

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_before_reading()
    {
        DefaultHttpContext context = UrlEncoded("content=x");
        context.Request.ContentLength = 4097;
        Refused(await FormBody.ReadAsync(context, Limits), 413, "Payload Too Large");
        Assert.Equal(0, context.Request.Body.Position);
    }

    [Fact]
    public async Task A_body_over_the_cap_without_a_declared_length_is_refused_while_reading()
    {
        DefaultHttpContext urlEncoded = Request("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("unknown=" + new string('x', 5000)), declareLength: false);
        Refused(await FormBody.ReadAsync(urlEncoded, Limits), 413, "Payload Too Large");
        DefaultHttpContext multipart = Multipart(Part("form-data; name=\"unknown\"", new string('x', 5000)) + End, declareLength: false);
        Refused(await FormBody.ReadAsync(multipart, Limits), 413, "Payload Too Large");
    }

    [Fact]
    public async Task More_fields_than_allowed_are_413_whether_bound_or_not()
    {
        ProblemHttpResult problem = Refused(await FormBody.ReadAsync(UrlEncoded(string.Join("&", Enumerable.Range(0, 9).Select(i => "x" + i + "=1"))), Limits), 413, "Too many form fields");
        Assert.Contains("8 fields", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.True((await FormBody.ReadAsync(UrlEncoded(string.Join("&", Enumerable.Range(0, 8).Select(i => "x" + i + "=1"))), Limits)).Succeeded);
        string parts = string.Concat(Enumerable.Range(0, 9).Select(i => Part($"form-data; name=\"x{i}\"", "1")));
        Refused(await FormBody.ReadAsync(Multipart(parts + End), Limits), 413, "Too many form fields");
    }

    [Fact]
    public async Task A_bound_value_over_the_cap_is_413_naming_the_field_and_an_unbound_one_is_dropped()
    {
        ProblemHttpResult problem = Refused(await FormBody.ReadAsync(UrlEncoded("Content=" + new string('x', 101)), Limits), 413, "Form value too long");
        Assert.Equal("The value of form field 'content' is longer than the 100 characters this endpoint accepts.", problem.ProblemDetails.Detail);
        Assert.True((await FormBody.ReadAsync(UrlEncoded("content=" + new string('x', 100)), Limits)).Succeeded);
        Assert.True((await FormBody.ReadAsync(UrlEncoded("other=" + new string('x', 1000)), Limits)).Succeeded);
        Refused(await FormBody.ReadAsync(Multipart(Part("form-data; name=\"content\"", new string('é', 101)) + End), Limits), 413, "Form value too long");
    }

    [Fact]
    public async Task A_field_name_over_256_characters_is_413()
    {
        Refused(await FormBody.ReadAsync(UrlEncoded(new string('k', 257) + "=1"), Limits), 413, "Form field name too long");
        Refused(await FormBody.ReadAsync(Multipart(Part($"form-data; name=\"{new string('k', 257)}\"", "1") + End), Limits), 413, "Form field name too long");
    }

    [Fact]
    public async Task Multipart_text_and_files_are_read_and_unbound_files_are_not_kept()
    {
        string body = Part("form-data; name=\"content\"", "héllo")
            + Part("form-data; name=\"attachment\"; filename=\"notes.txt\"", "file body", "text/plain")
            + Part("form-data; name=\"other\"; filename=\"other.bin\"", "ignored")
            + End;
        FormBodyResult result = await FormBody.ReadAsync(Multipart(body), Limits);
        Assert.True(result.Succeeded);
        Assert.Equal("héllo", result.Form["content"].ToString());
        IFormFile file = Assert.Single(result.Form.Files);
        Assert.Equal(("attachment", "notes.txt", "text/plain"), (file.Name, file.FileName, file.ContentType));
        using var reader = new StreamReader(file.OpenReadStream());
        Assert.Equal("file body", await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_input_left_empty_is_no_file()
    {
        FormBodyResult result = await FormBody.ReadAsync(Multipart(Part("form-data; name=\"attachment\"; filename=\"\"", string.Empty, "application/octet-stream") + End), Limits);
        Assert.True(result.Succeeded);
        Assert.Empty(result.Form.Files);
    }

    [Fact]
    public async Task A_file_over_its_cap_is_413_naming_the_field()
    {
        string body = Part("form-data; name=\"attachment\"; filename=\"big.txt\"", new string('x', 601)) + End;
        ProblemHttpResult problem = Refused(await FormBody.ReadAsync(Multipart(body), Limits), 413, "File too large");
        Assert.Equal("The file in form field 'attachment' is larger than the 600 bytes this endpoint accepts.", problem.ProblemDetails.Detail);
        Assert.True((await FormBody.ReadAsync(Multipart(Part("form-data; name=\"attachment\"; filename=\"ok.txt\"", new string('x', 600)) + End), Limits)).Succeeded);
    }

    [Theory]
    [InlineData("--" + Boundary + "\nContent-Disposition: form-data; name=\"content\"\n\nno closing boundary\n")]
    [InlineData("--" + Boundary + "\nContent-Type: text/plain\n\nno disposition\n--" + Boundary + "--\n")]
    [InlineData("--" + Boundary + "\nContent-Disposition: attachment; name=\"content\"\n\nnot form-data\n--" + Boundary + "--\n")]
    [InlineData("--" + Boundary + "\nContent-Disposition: form-data\n\nno name\n--" + Boundary + "--\n")]
    [InlineData("--" + Boundary + "\nContent-Disposition: form-data; name=\"content\"\nbroken header line\n\nx\n--" + Boundary + "--\n")]
    [InlineData("no boundary anywhere in this body")]
    public async Task Malformed_multipart_bodies_are_400(string body)
        => Refused(await FormBody.ReadAsync(Multipart(body), Limits), 400, "Malformed form");

    [Fact]
    public async Task An_empty_body_is_an_empty_form()
    {
        FormBodyResult result = await FormBody.ReadAsync(UrlEncoded(string.Empty), Limits);
        Assert.True(result.Succeeded);
        Assert.Empty(result.Form);
    }

    [Fact]
    public void Limits_that_cannot_work_are_refused_when_built()
    {
        Assert.Throws<ArgumentException>(() => new FormBodyLimits(10, ["a", "A"], []));
        Assert.Throws<ArgumentException>(() => new FormBodyLimits(10, ["a"], ["a"]));
        Assert.Throws<ArgumentException>(() => new FormBodyLimits(10, [new string('a', 257)], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FormBodyLimits(10, [], []) { MaxFields = 0 });
        Assert.Equal(Bastion.Endpoints.JsonBody.DefaultMaxBytes, new FormBodyLimits(0, [], []).MaxBodyBytes);
        Assert.Equal(123, new FormBodyLimits(123, [], []).MaxFileBytes);
    }
}
