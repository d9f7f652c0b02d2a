using Bastion.Testing;
using System;
using System.IO;
using System.Threading.Tasks;
using Bastion.Csrf;
using Bastion.Samples.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Bastion.IntegrationTests.Browser;
using Xunit;

namespace Bastion.IntegrationTests.Forms;

/// <summary>
/// HTML forms in headless Chromium (Debian's package): the sample's server-rendered guestbook is filled in and submitted
/// (Origin mode, no token) and the stored entry comes back sanitized; a page on another origin that auto-submits a form
/// to the same endpoint is refused with 403 and stores nothing; a Token-mode form carries its token in __bastion_csrf.
/// </summary>
[Collection(nameof(Browser.ChromiumTests))]
public sealed class BrowserFormTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "bastion-forms-" + Guid.NewGuid().ToString("N") + ".db");
    private KestrelHost _sample = null!;
    private KestrelHost _evil = null!;
    private KestrelHost _testApi = null!;
    private HeadlessChromium? _chromium;

    public async ValueTask InitializeAsync()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            return;
        }

        _sample = await KestrelHost.StartAsync(SampleApp.Build(["--ConnectionStrings:Comments=Data Source=" + _database + ";Pooling=False",
            "--contentRoot=" + Path.Combine(RepositoryRoot.Find(), "samples", "Bastion.Samples.Api")]));
        string sample = _sample.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        _testApi = await KestrelHost.StartTestApiAsync(Path.GetTempPath(), builder => builder.Configuration["Bastion:Csrf:AllowInsecureCookie"] = "true",
            app => app.MapGet("/forms/token-page", (HttpContext context) => TypedResults.Content(TokenPage(context), "text/html; charset=utf-8")));

        // The attacker's page, on another origin ("localhost" vs "127.0.0.1" is cross-site to the browser): a form that submits itself.
        WebApplication evil = WebApplication.CreateSlimBuilder().Build();
        evil.MapGet("/", () => TypedResults.Content($$"""
            <!doctype html><html><body>
            <form id="f" method="post" action="{{sample}}/guestbook/sign" target="sink">
              <input name="content" value="forged by a cross-site form"><input name="rating" value="5">
            </form>
            <iframe name="sink"></iframe>
            <script>document.getElementById('f').submit();</script>
            </body></html>
            """, "text/html"));
        _evil = await KestrelHost.StartAsync(evil);

        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
        if (_sample is not null)
        {
            await _sample.DisposeAsync();
            await _evil.DisposeAsync();
            await _testApi.DisposeAsync();
        }

        File.Delete(_database);
    }

    /// <summary>A server-rendered form for the Token-mode endpoint: the token from CsrfTokens.IssueToken in a hidden field.</summary>
    private static string TokenPage(HttpContext context)
    {
        string token = context.RequestServices.GetRequiredService<CsrfTokens>().IssueToken(context);
        return $"""
            <!doctype html><html><body>
            <form method="post" action="/forms/token/sign">
              <input type="hidden" name="__bastion_csrf" value="{System.Net.WebUtility.HtmlEncode(token)}">
              <textarea name="message"></textarea><input name="rating"><input type="checkbox" name="subscribe">
              <button type="submit">Sign</button>
            </form></body></html>
            """;
    }

    [Fact]
    public async Task The_guestbook_form_is_filled_submitted_and_shown_sanitized()
    {
        Assert.SkipWhen(!HeadlessChromium.IsInstalled, HeadlessChromium.MissingReason);
        await using IBrowserContext context = await _chromium!.Browser.NewContextAsync();
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(_sample.Client.BaseAddress + "guestbook");
        await page.FillAsync("textarea[name=content]", "Signed from the page <script>window.pwned = 1</script>");
        await page.FillAsync("input[name=signature]", "<i>Ann</i><img src=x onerror=\"window.pwned = 2\">");
        await page.FillAsync("input[name=rating]", "5");
        // The post answers 302 (post/redirect/get); the page then loads /guestbook again.
        IResponse response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"),
            r => r.Request.Method == "GET" && r.Url.EndsWith("/guestbook", StringComparison.Ordinal));
        // Waits for the new page's entry itself, not for a load state: under load the load event of a page that has
        // already answered can be missed by a waiter registered after the response.
        await page.Locator("#entries li .content").WaitForAsync();

        Assert.Equal(200, response.Status);
        string content = await page.TextContentAsync("#entries li .content") ?? string.Empty;
        Assert.Equal("Signed from the page <script>window.pwned = 1</script>", content); // shown as text, not run
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('#entries script, #entries img').length"));
        Assert.Equal(1, await page.EvaluateAsync<int>("document.querySelectorAll('#entries .signature i').length"));
        Assert.True(await page.EvaluateAsync<bool>("window.pwned === undefined"));
        Assert.Equal("5 / 5", await page.TextContentAsync("#entries li .rating"));
    }

    [Fact]
    public async Task A_cross_site_page_that_auto_submits_a_form_is_refused_and_stores_nothing()
    {
        Assert.SkipWhen(!HeadlessChromium.IsInstalled, HeadlessChromium.MissingReason);
        await using IBrowserContext context = await _chromium!.Browser.NewContextAsync();
        IPage own = await context.NewPageAsync();
        await own.GotoAsync(_sample.Client.BaseAddress + "guestbook");

        IPage attacker = await context.NewPageAsync();
        string evilUrl = _evil.Client.BaseAddress!.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        IResponse refused = await attacker.RunAndWaitForResponseAsync(() => attacker.GotoAsync(evilUrl), r => r.Url.EndsWith("/guestbook/sign", StringComparison.Ordinal));

        Assert.Equal(403, refused.Status);
        Assert.Equal("POST", refused.Request.Method);
        string stored = await _sample.Client.GetStringAsync("/api/comments", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("forged", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_mode_form_posts_its_token_in_the_form_field()
    {
        Assert.SkipWhen(!HeadlessChromium.IsInstalled, HeadlessChromium.MissingReason);
        await using IBrowserContext context = await _chromium!.Browser.NewContextAsync();
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(_testApi.Client.BaseAddress + "forms/token-page");
        await page.FillAsync("textarea[name=message]", "from a token form");
        await page.FillAsync("input[name=rating]", "3");
        await page.CheckAsync("input[name=subscribe]");
        IResponse response = await SubmitAsync(page);

        Assert.Equal(200, response.Status);
        Assert.Equal("from a token form|none|3|subscribed", await response.TextAsync());

        // The same form without its token: refused.
        await page.GotoAsync(_testApi.Client.BaseAddress + "forms/token-page");
        await page.EvaluateAsync("document.querySelector('input[name=__bastion_csrf]').remove()");
        await page.FillAsync("textarea[name=message]", "no token");
        await page.FillAsync("input[name=rating]", "3");
        Assert.Equal(403, (await SubmitAsync(page)).Status);
    }

    /// <summary>
    /// Submits the form and returns the endpoint's answer as the browser received it. The test reads the response, not the
    /// page it becomes: waiting for a load state after the response has arrived timed out under load in a full run.
    /// </summary>
    private static async Task<IResponse> SubmitAsync(IPage page)
    {
        IResponse response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"),
            r => r.Url.EndsWith("/forms/token/sign", StringComparison.Ordinal));
        await response.FinishedAsync();
        return response;
    }
}
