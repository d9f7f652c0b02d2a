using Bastion.Testing;
using System;
using System.IO;
using System.Threading.Tasks;
using Bastion.Samples.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Bastion.IntegrationTests.Browser;
using Xunit;

namespace Bastion.IntegrationTests.Csrf;

/// <summary>
/// The sample in headless Chromium (Debian's package): a page from another local origin cannot complete a
/// state-changing request to the API, with or without credentials, while the sample's own page can.
/// </summary>
[Collection(nameof(Browser.ChromiumTests))]
public sealed class BrowserCsrfTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "bastion-browser-" + Guid.NewGuid().ToString("N") + ".db");
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
        string api = _sample.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        _testApi = await KestrelHost.StartTestApiAsync(Path.GetTempPath());
        string testApi = _testApi.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

        // The attacker's page, on another origin ("localhost" vs "127.0.0.1" is cross-site to the browser).
        WebApplication evil = WebApplication.CreateSlimBuilder().Build();
        evil.MapGet("/", (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(EvilPage(api, testApi));
        });
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

    private static string EvilPage(string api, string testApi) => $$"""
        <!doctype html><html><body>
        <form id="f" method="post" action="{{api}}/api/comments" enctype="text/plain" target="sink">
          <input name='{"content":"forged by a form","x":"' value='"}'>
        </form>
        <iframe name="sink"></iframe>
        <script>
        window.attempts = (async () => {
          const results = [];
          const body = JSON.stringify({ content: 'forged by fetch' });
          for (const init of [
            { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body },
            { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body },
            { method: 'POST', credentials: 'include', mode: 'no-cors', body: new URLSearchParams({ content: 'forged' }) },
          ]) {
            try { const r = await fetch('{{api}}/api/comments', init); results.push('sent:' + r.type + ':' + r.status); }
            catch (e) { results.push('blocked:' + e.name); }
          }
          // Bodiless POSTs are "simple" requests: the browser sends them cross-site without asking.
          for (const path of ['/csrf/ring', '/csrf/browser-webhook']) {
            try { const r = await fetch('{{testApi}}' + path, { method: 'POST', mode: 'no-cors', credentials: 'include' }); results.push('sent:' + path + ':' + r.type); }
            catch (e) { results.push('blocked:' + path + ':' + e.name); }
          }
          try { const r = await fetch('{{api}}/bastion/csrf-token', { credentials: 'include' }); results.push('token-readable:' + (await r.text()).length); }
          catch (e) { results.push('token-blocked:' + e.name); }
          document.getElementById('f').submit();
          await new Promise(resolve => setTimeout(resolve, 1000));
          return results;
        })();
        </script></body></html>
        """;

    [Fact]
    public async Task A_page_from_another_origin_cannot_post_a_comment_but_the_samples_own_page_can()
    {
        Assert.SkipWhen(!HeadlessChromium.IsInstalled, HeadlessChromium.MissingReason);
        var ct = TestContext.Current.CancellationToken;
        await using IBrowserContext context = await _chromium!.Browser.NewContextAsync();

        // The victim has visited the sample (so it holds the antiforgery cookie) before meeting the evil page.
        IPage own = await context.NewPageAsync();
        await own.GotoAsync(_sample.Client.BaseAddress!.ToString());
        string evilUrl = _evil.Client.BaseAddress!.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        int rings = CsrfEndpoints.Rings;
        int webhooks = CsrfEndpoints.Webhooks;
        IPage attacker = await context.NewPageAsync();
        await attacker.GotoAsync(evilUrl);
        string[] attempts = await attacker.EvaluateAsync<string[]>("window.attempts");
        Assert.DoesNotContain(attempts, a => a.StartsWith("token-readable", StringComparison.Ordinal));
        Assert.Equal("[]", await _sample.Client.GetStringAsync("/api/comments", ct));
        // The browser did send the simple POSTs (the exempt endpoint ran), and [CsrfProtected] refused its twin.
        Assert.Equal(webhooks + 1, CsrfEndpoints.Webhooks);
        Assert.Equal(rings, CsrfEndpoints.Rings);

        // The sample's own page fetches a token and posts with it.
        await own.FillAsync("textarea[name=content]", "Posted from the real page <b>bold</b>");
        await own.ClickAsync("button[type=submit]");
        await own.WaitForSelectorAsync("#comments li", new PageWaitForSelectorOptions { Timeout = 10_000 });
        string list = await _sample.Client.GetStringAsync("/api/comments", ct);
        Assert.Contains("Posted from the real page", list, StringComparison.Ordinal);
        Assert.DoesNotContain("forged", list, StringComparison.Ordinal);
    }
}
