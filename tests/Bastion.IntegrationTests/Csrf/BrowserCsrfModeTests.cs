using Bastion.Testing;
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Bastion.Samples.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Bastion.IntegrationTests.Browser;
using Xunit;

namespace Bastion.IntegrationTests.Csrf;

/// <summary>
/// The CSRF modes in headless Chromium (Debian's package), where the browser, not the test, writes Sec-Fetch-Site
/// and Origin: a cross-site page's forms and fetches run no handler in any mode; a trusted same-site page on another
/// port (listed in TrustedOrigins and allowed by CORS with credentials) posts without a token in Origin mode and with
/// one in Token mode; the sample's own page posts a comment in the default mode without asking for a token.
/// </summary>
[Collection(nameof(Browser.ChromiumTests))]
public sealed class BrowserCsrfModeTests : IAsyncLifetime
{
    private HeadlessChromium? _chromium;

    public async ValueTask InitializeAsync()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            return;
        }

        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

    /// <summary>What the API saw: method, path, the browser's Fetch Metadata and Origin, and the status it answered.</summary>
    private sealed record Seen(string Method, string Path, string SecFetchSite, string Origin, int Status);

    /// <summary>Starts the test API with <paramref name="configure"/>, recording every request it answers.</summary>
    private static async Task<(KestrelHost Host, ConcurrentQueue<Seen> Log)> StartApiAsync(Action<WebApplicationBuilder> configure)
    {
        var log = new ConcurrentQueue<Seen>();
        KestrelHost host = await KestrelHost.StartTestApiAsync(Path.GetTempPath(), configure, app => app.Use(async (context, next) =>
        {
            await next(context);
            log.Enqueue(new Seen(context.Request.Method, context.Request.Path.Value ?? string.Empty,
                context.Request.Headers["Sec-Fetch-Site"].ToString(), context.Request.Headers.Origin.ToString(), context.Response.StatusCode));
        }));
        return (host, log);
    }

    /// <summary>A page host on 127.0.0.1 serving <paramref name="html"/> at "/".</summary>
    private static Task<KestrelHost> StartPageAsync(string html)
    {
        WebApplication page = WebApplication.CreateSlimBuilder().Build();
        page.MapGet("/", (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(html);
        });
        return KestrelHost.StartAsync(page);
    }

    private static string Authority(KestrelHost host) => host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

    private static async Task WaitForAsync(Func<bool> condition, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), describe());
    }

    // A page on http://localhost:<port> (cross-site to http://127.0.0.1:<api port>): forms and fetches, with
    // credentials, to every mode's endpoints. Forms target their own iframes and are all submitted at once.
    private const string ForeignPage = """
        <!doctype html><html><body><script>
        window.attempts = (async () => {
          const api = new URLSearchParams(location.search).get('api');
          const results = [];
          const json = JSON.stringify({ item: 'forged', quantity: 1000 });
          let frames = 0;
          function submit(action, enctype, fields) {
            return new Promise(resolve => {
              const name = 'sink' + (++frames);
              const frame = document.createElement('iframe');
              frame.name = name;
              document.body.append(frame);
              const form = document.createElement('form');
              form.method = 'post'; form.action = action; form.enctype = enctype; form.target = name;
              for (const [key, value] of fields) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = key; input.value = value;
                form.append(input);
              }
              document.body.append(form);
              frame.addEventListener('load', () => resolve('form:' + enctype + ':' + action), { once: true });
              setTimeout(() => resolve('form-timeout:' + enctype + ':' + action), 5000);
              form.submit();
            });
          }
          async function send(label, url, init) {
            try { const r = await fetch(url, init); results.push(label + ':sent:' + r.type + ':' + r.status); }
            catch (e) { results.push(label + ':blocked:' + e.name); }
          }
          const forms = [];
          for (const mode of ['origin', 'hybrid', 'token']) {
            const base = api + '/modes/' + mode;
            forms.push(submit(base + '/ping', 'application/x-www-form-urlencoded', [['item', 'forged']]));
            forms.push(submit(base + '/ping', 'text/plain', [['{"item":"forged","quantity":1000,"x":"', '"}']]));
            forms.push(submit(base + '/orders', 'text/plain', [['{"item":"forged","quantity":1000,"x":"', '"}']]));
            forms.push(submit(base + '/orders', 'application/x-www-form-urlencoded', [['item', 'forged'], ['quantity', '1000']]));
          }
          results.push(...await Promise.all(forms));
          for (const mode of ['origin', 'hybrid', 'token']) {
            const base = api + '/modes/' + mode;
            await send(mode + ' no-cors bodiless POST', base + '/ping', { method: 'POST', mode: 'no-cors', credentials: 'include' });
            await send(mode + ' cors bodiless POST', base + '/ping', { method: 'POST', credentials: 'include' });
            await send(mode + ' no-cors urlencoded POST', base + '/ping', { method: 'POST', mode: 'no-cors', credentials: 'include', body: new URLSearchParams({ item: 'forged' }) });
            await send(mode + ' no-cors text/plain POST', base + '/orders', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: json });
            await send(mode + ' cors JSON POST', base + '/orders', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: json });
            await send(mode + ' cors DELETE', base + '/items/1', { method: 'DELETE', credentials: 'include' });
            await send(mode + ' cors PUT', base + '/items/1', { method: 'PUT', credentials: 'include' });
          }
          await send('exempt control', api + '/modes/token/exempt', { method: 'POST', mode: 'no-cors', credentials: 'include' });
          return results;
        })();
        </script></body></html>
        """;

    [Fact]
    public async Task A_cross_site_page_runs_no_handler_in_any_mode()
    {
        Assert.SkipWhen(!HeadlessChromium.IsInstalled, HeadlessChromium.MissingReason);
        (KestrelHost started, ConcurrentQueue<Seen> log) = await StartApiAsync(builder => builder.Configuration["Bastion:Csrf:AllowInsecureCookie"] = "true");
        await using KestrelHost api = started;
        await using KestrelHost foreign = await StartPageAsync(ForeignPage);
        int port = api.Client.BaseAddress!.Port;
        string apiOrigin = Authority(api);
        string foreignOrigin = Authority(foreign).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        await using IBrowserContext context = await _chromium!.Browser.NewContextAsync();
        // The victim has a token cookie for the API's host (SameSite=Strict: a cross-site request does not carry it).
        IPage own = await context.NewPageAsync();
        await own.GotoAsync(apiOrigin + "/bastion/csrf-token");
        IPage attacker = await context.NewPageAsync();
        await attacker.GotoAsync(foreignOrigin + "/?api=" + Uri.EscapeDataString(apiOrigin));
        string[] attempts = await attacker.EvaluateAsync<string[]>("window.attempts");
        string report = string.Join("\n", attempts);

        // The browser reached the API: the exempt control ran once...
        await WaitForAsync(() => CsrfModeCalls.Of(port, "token.exempt") == 1, () => "the exempt control did not run once: the browser did not reach the API\n" + report);
        // ...and every simple request (forms, bodiless and no-cors POSTs) arrived, cross-site, and was refused.
        foreach (string mode in new[] { "origin", "hybrid", "token" })
        {
            await WaitForAsync(() => log.Count(s => s.Path == $"/modes/{mode}/ping") >= 5 && log.Count(s => s.Path == $"/modes/{mode}/orders" && s.Method == "POST") >= 3,
                () => $"{mode}: the browser's forms and simple fetches did not all arrive\n{report}\n{string.Join("\n", log)}");
        }

        Seen[] modeRequests = log.Where(s => s.Path.StartsWith("/modes/", StringComparison.Ordinal) && s.Path != "/modes/token/exempt" && s.Method != "OPTIONS").ToArray();
        string seen = string.Join("\n", modeRequests.Select(s => s.ToString()));
        Assert.All(modeRequests, s => Assert.True(s.SecFetchSite == "cross-site" && s.Origin == foreignOrigin, "not the cross-site request this test means to send:\n" + seen));
        Assert.All(modeRequests.Where(s => s.Path.EndsWith("/ping", StringComparison.Ordinal)), s => Assert.True(s.Status == 403, "a cross-site bodiless POST was not refused with 403:\n" + seen));
        Assert.All(modeRequests, s => Assert.True(s.Status is 403 or 415, "a cross-site request was not refused:\n" + seen));
        Assert.True(CsrfModeCalls.OnPort(port) == 1, $"a [CsrfProtected] handler ran for a cross-site page ({CsrfModeCalls.OnPort(port) - 1} calls besides the exempt control):\n{seen}\n{report}");
    }

    // A page on http://127.0.0.1:<other port>: same site, other origin (Chromium sends Sec-Fetch-Site: same-site and
    // its Origin), listed in TrustedOrigins and allowed by the API's CORS policy with credentials.
    private const string TrustedPage = """
        <!doctype html><html><body><script>
        window.outcome = (async () => {
          const api = new URLSearchParams(location.search).get('api');
          const out = {};
          const json = { 'Content-Type': 'application/json' };
          const body = JSON.stringify({ item: 'book', quantity: 2 });
          async function call(name, path, init) {
            try { const r = await fetch(api + path, { credentials: 'include', ...init }); out[name] = r.status + ' ' + await r.text(); }
            catch (e) { out[name] = 'blocked ' + e.name; }
          }
          await call('origin JSON POST', '/modes/origin/orders', { method: 'POST', headers: json, body });
          await call('origin bodiless POST', '/modes/origin/ping', { method: 'POST' });
          await call('origin DELETE', '/modes/origin/items/4', { method: 'DELETE' });
          await call('hybrid JSON POST (Fetch Metadata present: no token)', '/modes/hybrid/orders', { method: 'POST', headers: json, body });
          await call('token JSON POST without a token', '/modes/token/orders', { method: 'POST', headers: json, body });
          try {
            const r = await fetch(api + '/bastion/csrf-token', { credentials: 'include' });
            const t = await r.json();
            out['token endpoint'] = r.status + ' ' + t.headerName;
            await call('token JSON POST', '/modes/token/orders', { method: 'POST', headers: { ...json, [t.headerName]: t.token }, body });
            await call('token DELETE', '/modes/token/items/4', { method: 'DELETE', headers: { [t.headerName]: t.token } });
          } catch (e) { out['token endpoint'] = 'blocked ' + e.name; }
          return JSON.stringify(out);
        })();
        </script></body></html>
        """;

    [Fact]
    public async Task A_trusted_same_site_origin_posts_without_a_token_in_Origin_mode_and_with_one_in_Token_mode()
    {
        Assert.SkipWhen(!HeadlessChromium.IsInstalled, HeadlessChromium.MissingReason);
        await using KestrelHost trusted = await StartPageAsync(TrustedPage);
        string trustedOrigin = Authority(trusted);
        (KestrelHost started, ConcurrentQueue<Seen> log) = await StartApiAsync(builder =>
        {
            builder.Configuration["Bastion:Csrf:AllowInsecureCookie"] = "true";
            builder.Configuration["Bastion:Csrf:TrustedOrigins:0"] = trustedOrigin;
            builder.Configuration["Bastion:Cors:Policies:default:Origins:0"] = trustedOrigin;
            builder.Configuration["Bastion:Cors:Policies:default:AllowCredentials"] = "true";
            builder.Configuration["Bastion:Cors:Policies:default:Methods:0"] = "GET";
            builder.Configuration["Bastion:Cors:Policies:default:Methods:1"] = "POST";
            builder.Configuration["Bastion:Cors:Policies:default:Methods:2"] = "DELETE";
            builder.Configuration["Bastion:Cors:Policies:default:Headers:0"] = "Content-Type";
            builder.Configuration["Bastion:Cors:Policies:default:Headers:1"] = "X-CSRF-TOKEN";
        });
        await using KestrelHost api = started;
        int port = api.Client.BaseAddress!.Port;

        await using IBrowserContext context = await _chromium!.Browser.NewContextAsync();
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(trustedOrigin + "/?api=" + Uri.EscapeDataString(Authority(api)));
        Dictionary<string, string> outcome = JsonSerializer.Deserialize<Dictionary<string, string>>(await page.EvaluateAsync<string>("window.outcome"))!;
        string report = string.Join("\n", outcome.Select(o => o.Key + " => " + o.Value)) + "\n--- the API saw ---\n" + string.Join("\n", log);

        // The browser sent what this test is about: a same-site, cross-origin request with the trusted Origin.
        Assert.Contains(log, s => s.Method == "POST" && s.Path == "/modes/origin/orders" && s.SecFetchSite == "same-site" && s.Origin == trustedOrigin);

        Assert.True(outcome["origin JSON POST"].StartsWith("200 ", StringComparison.Ordinal), "Origin mode, trusted origin, no token: " + report);
        Assert.True(outcome["origin bodiless POST"].StartsWith("200 ", StringComparison.Ordinal), "Origin mode, trusted origin, bodiless: " + report);
        Assert.True(outcome["origin DELETE"].StartsWith("200 ", StringComparison.Ordinal), "Origin mode, trusted origin, DELETE: " + report);
        Assert.True(outcome["hybrid JSON POST (Fetch Metadata present: no token)"].StartsWith("200 ", StringComparison.Ordinal), "Hybrid mode with Sec-Fetch-Site, trusted origin, no token: " + report);
        Assert.False(outcome["token JSON POST without a token"].StartsWith("200 ", StringComparison.Ordinal), "Token mode without a token: " + report);
        Assert.Equal("200 X-CSRF-TOKEN", outcome["token endpoint"]);
        Assert.True(outcome["token JSON POST"].StartsWith("200 ", StringComparison.Ordinal), "Token mode with the token fetched cross-origin: " + report);
        Assert.True(outcome["token DELETE"].StartsWith("200 ", StringComparison.Ordinal), "Token mode DELETE with the token: " + report);

        foreach (string endpoint in new[] { "origin.orders", "origin.ping", "origin.delete", "hybrid.orders", "token.orders", "token.delete" })
        {
            Assert.True(CsrfModeCalls.Of(port, endpoint) == 1, $"{endpoint} ran {CsrfModeCalls.Of(port, endpoint)} times, expected once:\n{report}");
        }

        Assert.True(CsrfModeCalls.OnPort(port) == 6, report);
    }

    [Fact]
    public async Task The_samples_own_page_posts_a_comment_in_the_default_mode_without_fetching_a_token()
    {
        Assert.SkipWhen(!HeadlessChromium.IsInstalled, HeadlessChromium.MissingReason);
        var ct = TestContext.Current.CancellationToken;
        string database = Path.Combine(Path.GetTempPath(), "bastion-browser-modes-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using KestrelHost sample = await KestrelHost.StartAsync(SampleApp.Build(["--ConnectionStrings:Comments=Data Source=" + database + ";Pooling=False",
                "--contentRoot=" + Path.Combine(RepositoryRoot.Find(), "samples", "Bastion.Samples.Api")]));
            await using IBrowserContext context = await _chromium!.Browser.NewContextAsync();
            IPage page = await context.NewPageAsync();
            var requests = new ConcurrentQueue<string>();
            page.Request += (_, request) => requests.Enqueue(request.Method + " " + request.Url);

            await page.GotoAsync(Authority(sample) + "/");
            await page.FillAsync("textarea[name=content]", "Posted in Origin mode");
            await page.ClickAsync("button[type=submit]");
            await page.WaitForSelectorAsync("#comments li", new PageWaitForSelectorOptions { Timeout = 10_000 });

            string list = await sample.Client.GetStringAsync("/api/comments", ct);
            Assert.Contains("Posted in Origin mode", list, StringComparison.Ordinal);
            string sent = string.Join("\n", requests);
            Assert.Contains(requests, r => r.StartsWith("POST ", StringComparison.Ordinal) && r.Contains("/api/comments", StringComparison.Ordinal));
            string[] tokenRequests = requests.Where(r => r.Contains("/bastion/csrf-token", StringComparison.Ordinal)).ToArray();
            Assert.True(tokenRequests.Length == 0,
                "the sample's page still asks for a CSRF token although the default mode (Origin) needs none:\n" + sent);
        }
        finally
        {
            File.Delete(database);
        }
    }
}
