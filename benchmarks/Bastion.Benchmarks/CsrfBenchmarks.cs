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
/// CSRF cost per unsafe request: the tokenless Origin mode (Fetch Metadata, then the Origin against the request's own
/// origin; a refusal), the Hybrid mode with Fetch Metadata (no token needed), and the Token mode (headers + antiforgery
/// token) against ASP.NET Core's antiforgery validation alone.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CsrfBenchmarks
{
    private readonly BastionCsrfOptions _options = new();
    private IServiceProvider _services = null!;
    private CsrfCheck _originMode = null!;
    private CsrfCheck _hybridMode = null!;
    private CsrfCheck _tokenMode = null!;
    private DefaultHttpContext _fetchMetadata = null!;
    private DefaultHttpContext _origin = null!;
    private DefaultHttpContext _crossSite = null!;
    private string _cookie = string.Empty;
    private string _token = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["Bastion:Csrf:AllowInsecureCookie"] = "true";
        builder.Services.AddLogging();
        builder.Services.AddDataProtection();
        builder.AddBastionCsrfTokens();
        _services = builder.Services.BuildServiceProvider();
        CsrfTokens tokenService = _services.GetRequiredService<CsrfTokens>();
        _originMode = CsrfCheck.Create(_options, CsrfMode.Origin);
        _hybridMode = CsrfCheck.Create(_options, CsrfMode.Hybrid, tokenService);
        _tokenMode = CsrfCheck.Create(_options, CsrfMode.Token, tokenService);

        var issue = new DefaultHttpContext { RequestServices = _services };
        AntiforgeryTokenSet tokens = _services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(issue);
        string setCookie = issue.Response.Headers.SetCookie.ToString();
        _cookie = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
        _token = tokens.RequestToken!;

        _fetchMetadata = Post(("Sec-Fetch-Site", "same-origin"));
        _origin = Post(("Origin", "http://127.0.0.1:5080"));
        _crossSite = Post(("Sec-Fetch-Site", "cross-site"));
        if (FetchMetadata() is not null || ExactOrigin() is not null || CrossSiteRefused() is null || HybridWithFetchMetadata() is not null
            || TokenMode().GetAwaiter().GetResult() is not null || !AntiforgeryAlone().GetAwaiter().GetResult()
            || _tokenMode.CheckAsync(_fetchMetadata).AsTask().GetAwaiter().GetResult() is null)
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

    [BenchmarkCategory("Origin mode"), Benchmark(Baseline = true)]
    public IResult? FetchMetadata() => Completed(_originMode.CheckAsync(_fetchMetadata));

    [BenchmarkCategory("Origin mode"), Benchmark]
    public IResult? ExactOrigin() => Completed(_originMode.CheckAsync(_origin));

    [BenchmarkCategory("Origin mode"), Benchmark]
    public IResult? CrossSiteRefused() => Completed(_originMode.CheckAsync(_crossSite));

    [BenchmarkCategory("Origin mode"), Benchmark]
    public IResult? HybridWithFetchMetadata() => Completed(_hybridMode.CheckAsync(_fetchMetadata));

    [BenchmarkCategory("token"), Benchmark(Baseline = true)]
    public async Task<bool> AntiforgeryAlone()
    {
        DefaultHttpContext context = WithToken();
        return await _services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }

    [BenchmarkCategory("token"), Benchmark]
    public async Task<IResult?> TokenMode() => await _tokenMode.CheckAsync(WithToken());

    // The tokenless checks complete synchronously (Completed throws otherwise, so the setup proves it).
    private static IResult? Completed(ValueTask<IResult?> check) => check.IsCompleted ? check.Result : throw new InvalidOperationException("The tokenless check did not complete synchronously.");

    private DefaultHttpContext WithToken()
    {
        DefaultHttpContext context = Post(("Sec-Fetch-Site", "same-origin"));
        context.Request.Headers.Cookie = _cookie;
        context.Request.Headers[CsrfCheck.TokenHeaderName] = _token;
        return context;
    }
}
