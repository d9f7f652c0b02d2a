using System;
using System.Linq;
using System.Threading.Tasks;
using Bastion.Csrf;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bastion.Benchmarks;

/// <summary>
/// CSRF cost per unsafe request: Bastion's header checks alone (Fetch Metadata, then exact Origin), the full
/// generated check (headers + antiforgery token), and ASP.NET Core's antiforgery validation alone.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CsrfBenchmarks
{
    private readonly BastionCsrfOptions _options = new();
    private IServiceProvider _services = null!;
    private DefaultHttpContext _fetchMetadata = null!;
    private DefaultHttpContext _origin = null!;
    private DefaultHttpContext _crossSite = null!;
    private string _cookie = string.Empty;
    private string _token = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddAntiforgery(o => { o.HeaderName = CsrfGuard.HeaderName; o.Cookie.Name = "bastion-csrf"; o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; });
        services.AddSingleton<IOptions<BastionCsrfOptions>>(Microsoft.Extensions.Options.Options.Create(_options));
        _services = services.BuildServiceProvider();

        var issue = new DefaultHttpContext { RequestServices = _services };
        AntiforgeryTokenSet tokens = _services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(issue);
        string setCookie = issue.Response.Headers.SetCookie.ToString();
        _cookie = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
        _token = tokens.RequestToken!;

        _fetchMetadata = Post(("Sec-Fetch-Site", "same-origin"));
        _origin = Post(("Origin", "http://127.0.0.1:5080"));
        _crossSite = Post(("Sec-Fetch-Site", "cross-site"));
        if (CsrfGuard.CheckOrigin(_fetchMetadata.Request, _options) is not null || CsrfGuard.CheckOrigin(_origin.Request, _options) is not null
            || CsrfGuard.CheckOrigin(_crossSite.Request, _options) is null || FullCheck().GetAwaiter().GetResult() is not null || !AntiforgeryAlone().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("The CSRF setup does not behave as measured.");
        }
    }

    private DefaultHttpContext Post(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Method = "POST";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:5080");
        foreach ((string name, string value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }

    [BenchmarkCategory("header checks"), Benchmark(Baseline = true)]
    public string? FetchMetadata() => CsrfGuard.CheckOrigin(_fetchMetadata.Request, _options);

    [BenchmarkCategory("header checks"), Benchmark]
    public string? ExactOrigin() => CsrfGuard.CheckOrigin(_origin.Request, _options);

    [BenchmarkCategory("header checks"), Benchmark]
    public string? CrossSiteRefused() => CsrfGuard.CheckOrigin(_crossSite.Request, _options);

    [BenchmarkCategory("token"), Benchmark(Baseline = true)]
    public async Task<bool> AntiforgeryAlone()
    {
        DefaultHttpContext context = WithToken();
        return await _services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }

    [BenchmarkCategory("token"), Benchmark]
    public async Task<IResult?> FullCheck() => await CsrfGuard.CheckAsync(WithToken());

    private DefaultHttpContext WithToken()
    {
        DefaultHttpContext context = Post(("Sec-Fetch-Site", "same-origin"));
        context.Request.Headers.Cookie = _cookie;
        context.Request.Headers[CsrfGuard.HeaderName] = _token;
        return context;
    }
}
