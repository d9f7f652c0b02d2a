using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Bastion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit;

namespace Bastion.IntegrationTests.Browser;

/// <summary>
/// CORS and CSP in headless Chromium (Debian's package): a page on an origin the API's policy allows can read a
/// credentialed response, a page on another origin cannot; an inline script is blocked by the policy Bastion
/// sends, and the browser's violation report reaches the app's log through <c>/bastion/csp-report</c>.
/// </summary>
[Collection(nameof(ChromiumTests))]
public sealed class BrowserCorsCspTests : IAsyncLifetime
{
    private const string Policy = "default-src 'self'; object-src 'none'; frame-ancestors 'none'; report-uri /bastion/csp-report";
    private readonly CapturedLogs _logs = new();
    private KestrelHost? _allowedPage;
    private KestrelHost? _otherPage;
    private KestrelHost? _api;
    private HeadlessChromium? _chromium;

    public async ValueTask InitializeAsync()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            return;
        }

        _allowedPage = await StartPageHostAsync();
        _otherPage = await StartPageHostAsync();
        string allowedOrigin = _allowedPage.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        _api = await KestrelHost.StartTestApiAsync(Path.GetTempPath(), builder =>
        {
            builder.Configuration["Bastion:Cors:Policies:default:Origins:0"] = allowedOrigin;
            builder.Configuration["Bastion:Cors:Policies:default:AllowCredentials"] = "true";
            builder.Configuration["Bastion:Headers:ContentSecurityPolicy"] = Policy;
            builder.Logging.AddProvider(_logs);
        }, app =>
        {
            app.MapGet("/csp-page", (HttpContext context) =>
            {
                context.Response.ContentType = "text/html";
                return context.Response.WriteAsync("""
                    <!doctype html><html><head><script src="/csp-listener.js"></script></head><body>
                    <script>window.inlineRan = true;</script>
                    </body></html>
                    """);
            });
            app.MapGet("/csp-listener.js", (HttpContext context) =>
            {
                context.Response.ContentType = "text/javascript";
                return context.Response.WriteAsync("window.violations = []; document.addEventListener('securitypolicyviolation', e => window.violations.push(e.effectiveDirective + ' ' + e.blockedURI));");
            });
        });

        _chromium = await HeadlessChromium.LaunchAsync();
    }

    /// <summary>A page that fetches the API named in its query string with credentials and reports what it could read.</summary>
    private static async Task<KestrelHost> StartPageHostAsync()
    {
        WebApplication page = WebApplication.CreateSlimBuilder().Build();
        page.MapGet("/", (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("""
                <!doctype html><html><body><script>
                window.outcome = (async () => {
                  const api = new URLSearchParams(location.search).get('api');
                  try { const r = await fetch(api + '/cors/plain', { credentials: 'include' }); return 'read:' + r.status + ':' + await r.text(); }
                  catch (e) { return 'blocked:' + e.name; }
                })();
                </script></body></html>
                """);
        });
        return await KestrelHost.StartAsync(page);
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
        foreach (KestrelHost? host in new[] { _api, _allowedPage, _otherPage })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    private async Task<string> OutcomeAsync(string pageUrl)
    {
        await using IBrowserContext context = await _chromium!.Browser.NewContextAsync();
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(pageUrl + "?api=" + Uri.EscapeDataString(_api!.Client.BaseAddress!.GetLeftPart(UriPartial.Authority)));
        return await page.EvaluateAsync<string>("window.outcome");
    }

    [Fact]
    public async Task A_cors_allowed_origin_can_read_a_credentialed_response_and_another_origin_cannot()
    {
        Assert.SkipWhen(!HeadlessChromium.IsInstalled, HeadlessChromium.MissingReason);
        Assert.Equal("read:200:\"plain data\"", await OutcomeAsync(_allowedPage!.Client.BaseAddress!.ToString()));
        // The same page served from "localhost" is another origin, not in the policy.
        string other = _otherPage!.Client.BaseAddress!.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        Assert.Equal("blocked:TypeError", await OutcomeAsync(other));
    }

    [Fact]
    public async Task An_inline_script_is_blocked_by_the_policy_and_the_violation_is_reported_to_the_app()
    {
        Assert.SkipWhen(!HeadlessChromium.IsInstalled, HeadlessChromium.MissingReason);
        await using IBrowserContext context = await _chromium!.Browser.NewContextAsync();
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_api!.Client.BaseAddress!, "/csp-page").ToString());

        Assert.True(await page.EvaluateAsync<bool>("window.inlineRan === undefined"), "the inline script ran despite the policy");
        Assert.Contains("script-src-elem inline", await page.EvaluateAsync<string[]>("window.violations"));
        var clock = Stopwatch.StartNew();
        while (!_logs.Contains("CSP violation: script-src-elem blocked inline") && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(_logs.Contains("CSP violation: script-src-elem blocked inline on " + new Uri(_api.Client.BaseAddress!, "/csp-page")), string.Join("\n", _logs.Lines));
    }
}
