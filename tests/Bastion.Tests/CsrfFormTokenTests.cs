using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Bastion.Csrf;
using Bastion.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace Bastion.Tests;

/// <summary>
/// Where CsrfCheck looks for the token: the header for every endpoint, the form field only for a form endpoint and only
/// in the form it read under its own caps. A JSON or bodiless endpoint never has its body read to look for a token.
/// </summary>
public sealed class CsrfFormTokenTests
{
    private const string Good = "good-token";

    /// <summary>Accepts <see cref="Good"/> from the header, else from HttpRequest.Form (as antiforgery does); records each call.</summary>
    private sealed class RecordingTokens : CsrfTokens
    {
        public List<string> Seen { get; } = [];

        public override async ValueTask<IResult?> ValidateAsync(HttpContext httpContext)
        {
            StringValues token = httpContext.Request.Headers[CsrfCheck.TokenHeaderName];
            if (token.Count == 0 && httpContext.Request.HasFormContentType)
            {
                token = (await httpContext.Request.ReadFormAsync())[CsrfCheck.TokenFieldName];
            }

            Seen.Add(token.ToString());
            return token == Good ? null : CsrfRefusal.InvalidToken;
        }

        public override string IssueToken(HttpContext httpContext) => Good;

        public override Task WriteTokenAsync(HttpContext httpContext) => Task.CompletedTask;
    }

    private static DefaultHttpContext FormPost(string body, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Host = new HostString("app.example");
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        context.Request.Headers.Origin = "http://app.example";
        foreach ((string name, string value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }

    private static readonly FormBodyLimits Limits = new(1024, ["content"], []);

    [Fact]
    public async Task A_json_or_bodiless_endpoint_never_reads_the_body_to_find_a_token()
    {
        var tokens = new RecordingTokens();
        CsrfCheck check = CsrfCheck.Create(new BastionCsrfOptions(), CsrfMode.Token, tokens);
        DefaultHttpContext context = FormPost("__bastion_csrf=" + Good);
        Assert.Same(CsrfRefusal.InvalidToken, await check.CheckAsync(context));
        Assert.Empty(tokens.Seen);
        Assert.Equal(0, context.Request.Body.Position);
    }

    [Fact]
    public async Task A_form_endpoint_takes_the_token_from_the_field_of_the_form_it_read()
    {
        var tokens = new RecordingTokens();
        CsrfCheck check = CsrfCheck.Create(new BastionCsrfOptions(), CsrfMode.Token, tokens);
        DefaultHttpContext context = FormPost("content=hi&__bastion_csrf=" + Good);
        Assert.Null(await check.CheckBeforeFormAsync(context));
        Assert.Empty(tokens.Seen);
        FormBodyResult form = await FormBody.ReadAsync(context, Limits);
        Assert.Null(await check.CheckFormTokenAsync(context, form.Form!));
        Assert.Equal([Good], tokens.Seen);
    }

    [Theory]
    [InlineData("content=hi")]
    [InlineData("content=hi&__bastion_csrf=forged")]
    [InlineData("content=hi&__bastion_csrf=good-token&__bastion_csrf=good-token")]
    [InlineData("content=hi&__BASTION_CSRF=good-token&__bastion_csrf=forged")]
    public async Task A_missing_wrong_or_repeated_form_token_is_refused(string body)
    {
        CsrfCheck check = CsrfCheck.Create(new BastionCsrfOptions(), CsrfMode.Token, new RecordingTokens());
        DefaultHttpContext context = FormPost(body);
        Assert.Null(await check.CheckBeforeFormAsync(context));
        FormBodyResult form = await FormBody.ReadAsync(context, Limits);
        Assert.Same(CsrfRefusal.InvalidToken, await check.CheckFormTokenAsync(context, form.Form!));
    }

    [Fact]
    public async Task A_token_in_the_header_is_checked_before_the_form_is_read()
    {
        var tokens = new RecordingTokens();
        CsrfCheck check = CsrfCheck.Create(new BastionCsrfOptions(), CsrfMode.Token, tokens);
        DefaultHttpContext forged = FormPost("content=hi&__bastion_csrf=" + Good, (CsrfCheck.TokenHeaderName, "forged"));
        Assert.Same(CsrfRefusal.InvalidToken, await check.CheckBeforeFormAsync(forged));
        Assert.Equal(0, forged.Request.Body.Position);

        DefaultHttpContext valid = FormPost("content=hi", (CsrfCheck.TokenHeaderName, Good));
        Assert.Null(await check.CheckBeforeFormAsync(valid));
        FormBodyResult form = await FormBody.ReadAsync(valid, Limits);
        Assert.Null(await check.CheckFormTokenAsync(valid, form.Form!));
        Assert.Equal(["forged", Good], tokens.Seen);
    }

    [Fact]
    public async Task The_origin_checks_refuse_a_cross_site_form_before_it_is_read()
    {
        CsrfCheck check = CsrfCheck.Create(new BastionCsrfOptions(), CsrfMode.Origin);
        DefaultHttpContext context = FormPost("content=hi", ("Sec-Fetch-Site", "cross-site"));
        context.Request.Headers.Origin = "https://evil.example";
        Assert.IsType<CsrfRefusal>(await check.CheckBeforeFormAsync(context));
        Assert.Equal(0, context.Request.Body.Position);
    }

    [Fact]
    public async Task Origin_mode_and_hybrid_with_fetch_metadata_need_no_token_field()
    {
        foreach ((CsrfMode mode, (string, string)[] headers) in new[] { (CsrfMode.Origin, Array.Empty<(string, string)>()), (CsrfMode.Hybrid, new[] { ("Sec-Fetch-Site", "same-origin") }) })
        {
            CsrfCheck check = CsrfCheck.Create(new BastionCsrfOptions(), mode, mode == CsrfMode.Origin ? null : new RecordingTokens());
            DefaultHttpContext context = FormPost("content=hi", headers);
            Assert.Null(await check.CheckBeforeFormAsync(context));
            FormBodyResult form = await FormBody.ReadAsync(context, Limits);
            Assert.Null(await check.CheckFormTokenAsync(context, form.Form!));
        }

        CsrfCheck hybrid = CsrfCheck.Create(new BastionCsrfOptions(), CsrfMode.Hybrid, new RecordingTokens());
        DefaultHttpContext withoutMetadata = FormPost("content=hi");
        FormBodyResult read = await FormBody.ReadAsync(withoutMetadata, Limits);
        Assert.Same(CsrfRefusal.InvalidToken, await hybrid.CheckFormTokenAsync(withoutMetadata, read.Form!));
    }
}
