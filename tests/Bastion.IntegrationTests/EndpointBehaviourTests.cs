using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>Generated endpoints over real HTTP: hostile inputs refused or neutralised, legitimate ones served.</summary>
[Collection(nameof(TestEndpoints))]
public sealed class EndpointBehaviourTests : IAsyncLifetime
{
    private readonly string _files = Directory.CreateTempSubdirectory("bastion-files-").FullName;
    private KestrelHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_files, "root", "docs"));
        File.WriteAllText(Path.Combine(_files, "root", "docs", "a.txt"), "inside");
        File.WriteAllText(Path.Combine(_files, "secret.txt"), "outside");
        _host = await KestrelHost.StartTestApiAsync(Path.Combine(_files, "root"));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    private Task<HttpResponseMessage> PostJson(string json, string contentType = "application/json")
        => _host.Client.PostAsync("/t/notes", new StringContent(json, Encoding.UTF8, contentType), TestContext.Current.CancellationToken);

    private static async Task<JsonElement> Json(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

    [Theory]
    [InlineData("<script>alert(1)</script>hello")]
    [InlineData("<img src=x onerror=alert(1)>hello")]
    [InlineData("<a href=\"javascript:alert(1)\">hello</a>")]
    [InlineData("<svg onload=alert(1)></svg>hello")]
    [InlineData("<scr<script>ipt>alert(1)</script>hello")]
    public async Task Xss_payloads_in_sanitized_fields_reach_the_handler_without_executable_constructs(string payload)
    {
        string json = JsonSerializer.Serialize(new { body = payload, footer = payload, labels = new[] { payload }, tags = new[] { new { name = "ok", note = payload } }, stars = 3 });
        HttpResponseMessage response = await PostJson(json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement stored = await Json(response);
        // What a page inserting each stored value as HTML would build: no script-capable element, no event handler, no
        // javascript: URL. (Text encodes markup, so "onerror" survives as visible, inert text.)
        foreach (string value in Strings(stored))
        {
            var div = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!doctype html><body><div id=x></div>").GetElementById("x")!;
            div.InnerHtml = value;
            foreach (AngleSharp.Dom.IElement element in div.QuerySelectorAll("*"))
            {
                Assert.True(element.LocalName is "b" or "i" or "em" or "strong" or "p" or "br" or "a", $"'{value}' builds <{element.LocalName}>");
                foreach (AngleSharp.Dom.IAttr attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", System.StringComparison.OrdinalIgnoreCase), $"'{value}' builds an event handler");
                    Assert.DoesNotContain("javascript:", attribute.Value, System.StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        Assert.Contains("hello", stored.ToString(), System.StringComparison.Ordinal);
    }

    private static System.Collections.Generic.IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public async Task Legitimate_input_is_accepted_and_formatting_kept_where_the_policy_allows()
    {
        HttpResponseMessage response = await PostJson("""{"body":"Fish & chips","footer":"<b>Bold</b> <a href=\"https://example.com\">site</a>","title":"Tom & Jerry","stars":5,"email":"a@b.example"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement note = await Json(response);
        Assert.Equal("Fish &amp; chips", note.GetProperty("body").GetString());
        Assert.Equal("<b>Bold</b> <a href=\"https://example.com\">site</a>", note.GetProperty("footer").GetString());
        Assert.Equal("Tom & Jerry", note.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("<b>Boss</b>")]
    [InlineData("&lt;script&gt;")]
    [InlineData("a > b")]
    public async Task Reject_policy_returns_400_naming_the_field(string title)
    {
        int before = TestEndpoints.Calls;
        HttpResponseMessage response = await PostJson(JsonSerializer.Serialize(new { body = "x", title, stars = 1 }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement errors = (await Json(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.Equal(before, TestEndpoints.Calls);
        Assert.DoesNotContain(title, (await Json(response)).ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_record_gets_one_400_listing_every_broken_field()
    {
        int before = TestEndpoints.Calls;
        string json = """{"body":"","stars":9,"email":"nope","tags":[{"name":"ok"},{"name":"ok"},{"name":"BAD!"},{"name":"x"}]}""";
        HttpResponseMessage response = await PostJson(json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement errors = (await Json(response)).GetProperty("errors");
        foreach (string key in new[] { "body", "stars", "email", "tags", "tags[2].name" })
        {
            Assert.True(errors.TryGetProperty(key, out _), $"missing error for {key}: {errors}");
        }

        Assert.Equal(before, TestEndpoints.Calls);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task Wrong_content_type_is_415_with_problem_details(string contentType)
    {
        int before = TestEndpoints.Calls;
        HttpResponseMessage response = await PostJson("""{"body":"x","stars":1}""", contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(415, (await Json(response)).GetProperty("status").GetInt32());
        Assert.Equal(before, TestEndpoints.Calls);
    }

    [Fact]
    public async Task Json_in_a_non_utf8_charset_is_415()
    {
        var content = new StringContent("""{"body":"x","stars":1}""", Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "latin1" };
        HttpResponseMessage response = await _host.Client.PostAsync("/t/notes", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Oversize_body_is_413_whether_declared_or_streamed()
    {
        int before = TestEndpoints.Calls;
        string big = JsonSerializer.Serialize(new { body = new string('a', 5000), stars = 1 });
        HttpResponseMessage declared = await PostJson(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);

        var streamed = new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/t/notes") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        HttpResponseMessage chunked = await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(before, TestEndpoints.Calls);
    }

    [Theory]
    [InlineData("{\"body\":", "Malformed JSON")]
    [InlineData("not json", "Malformed JSON")]
    [InlineData("{\"body\":\"x\",\"stars\":3", "Malformed JSON")]
    [InlineData("{\"body\":\"x\",\"stars\":\"three\"}", "JSON value of the wrong type")]
    [InlineData("{\"body\":\"x\",\"stars\":99999999999}", "JSON value of the wrong type")]
    [InlineData("[1,2,3]", "JSON value of the wrong type")]
    [InlineData("null", "Request body required")]
    [InlineData("", "Request body required")]
    [InlineData("   ", "Malformed JSON")]
    public async Task Malformed_json_is_400_never_500_and_its_title_says_what_happened(string json, string title)
    {
        int before = TestEndpoints.Calls;
        HttpResponseMessage response = await PostJson(json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement problem = await Json(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(before, TestEndpoints.Calls);
    }

    [Fact]
    public async Task An_exception_in_a_handler_is_a_500_problem_with_a_trace_id_and_no_internals()
    {
        HttpResponseMessage response = await _host.Client.GetAsync("/t/fail", TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()), body);
        foreach (string internals in new[] { "SQLite", "locked", "secret-path", "hunter2", "InvalidOperationException", "   at " })
        {
            Assert.DoesNotContain(internals, body, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Invalid_utf8_and_deep_nesting_are_400_never_500()
    {
        int before = TestEndpoints.Calls;
        var invalidUtf8 = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"body\":\""), 0xFF, 0xFE, 0xC3, .. Encoding.UTF8.GetBytes("\",\"stars\":1}")]);
        invalidUtf8.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        HttpResponseMessage utf8 = await _host.Client.PostAsync("/t/notes", invalidUtf8, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, utf8.StatusCode);

        string deep = "{\"body\":\"x\",\"stars\":1,\"labels\":" + new string('[', 200) + new string(']', 200) + "}";
        HttpResponseMessage nested = await PostJson(deep);
        Assert.Equal(HttpStatusCode.BadRequest, nested.StatusCode);
        Assert.Equal(before, TestEndpoints.Calls);
    }

    [Fact]
    public async Task Not_a_number_cannot_slip_past_a_range_even_when_the_app_allows_named_literals()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Files:Root"] = Path.Combine(_files, "root");
        builder.AddBastion();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, TestJsonContext.Default);
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        WebApplication app = builder.Build();
        app.MapBastionEndpoints();
        await using KestrelHost host = await KestrelHost.StartAsync(app);

        int before = TestEndpoints.Calls;
        HttpResponseMessage response = await host.Client.PostAsync("/t/measure",
            new StringContent("""{"ratio":"NaN"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty("ratio", out _));

        HttpResponseMessage fine = await host.Client.PostAsync("/t/measure",
            new StringContent("""{"ratio":0.5}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(before + 1, TestEndpoints.Calls);
    }

    [Theory]
    [InlineData("/t/search?term=ok&page=2", "NL", null)]
    [InlineData("/t/search?term=x", null, "term")]
    [InlineData("/t/search?term=ok&page=0", null, "page")]
    [InlineData("/t/search?term=ok&page=51", null, "page")]
    [InlineData("/t/search?term=ok", "nl", "X-Region")]
    [InlineData("/t/search?term=ok", "N1", "X-Region")]
    [InlineData("/t/search", null, "term")]
    public async Task Validation_attributes_on_query_and_header_values_are_enforced(string url, string? region, string? failingKey)
    {
        int before = TestEndpoints.Calls;
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (region is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Region", region);
        }

        HttpResponseMessage response = await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        if (failingKey is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(before + 1, TestEndpoints.Calls);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(failingKey, out _), $"no error for {failingKey}");
        Assert.Equal(before, TestEndpoints.Calls);
    }

    [Theory]
    [InlineData("docs/a.txt", true)]
    [InlineData("docs%2Fa.txt", true)]
    [InlineData("..%2Fsecret.txt", false)]
    [InlineData("%2E%2E%2Fsecret.txt", false)]
    [InlineData("%252E%252E%252Fsecret.txt", false)]
    [InlineData("docs%5C..%5C..%5Csecret.txt", false)]
    [InlineData("%2Ftmp%2Fx.txt", false)]
    [InlineData("docs%2Fa.txt%00.txt", false)]
    [InlineData("%EF%BC%8E%EF%BC%8E%EF%BC%8Fsecret.txt", false)]
    [InlineData("docs/a.txt&file=../secret.txt", false)]
    public async Task Query_bound_safe_paths_are_checked_after_the_query_is_decoded(string rawValue, bool allowed)
    {
        int before = TestEndpoints.Calls;
        (int status, string body) = await RawHttp.GetAsync(_host.Client.BaseAddress!, "/t/open?file=" + rawValue, TestContext.Current.CancellationToken);
        if (allowed)
        {
            Assert.Equal(200, status);
            Assert.Contains("docs/a.txt", body, System.StringComparison.Ordinal);
            return;
        }

        Assert.Equal(400, status);
        Assert.Equal(before, TestEndpoints.Calls);
        Assert.DoesNotContain("outside", body, System.StringComparison.Ordinal);
        Assert.DoesNotContain(_files, body, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_header_and_query_values_are_bound_and_bad_ones_refused()
    {
        HttpResponseMessage ok = await _host.Client.GetAsync("/t/items/21?twice=true", TestContext.Current.CancellationToken);
        Assert.Equal("42", await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        HttpResponseMessage notFound = await _host.Client.GetAsync("/t/items/404", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);

        HttpResponseMessage badBool = await _host.Client.GetAsync("/t/items/1?twice=maybe", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badBool.StatusCode);
        Assert.True((await Json(badBool)).GetProperty("errors").TryGetProperty("twice", out _));

        HttpResponseMessage polluted = await _host.Client.GetAsync("/t/items/1?twice=true&twice=false", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, polluted.StatusCode);
    }
}
