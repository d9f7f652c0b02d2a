using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bastion.Benchmarks;

/// <summary>
/// One response through a security-headers middleware and an empty endpoint, the response then started (as the
/// server would): Bastion's precomputed writer against NetEscapades.AspNetCore.SecurityHeaders configured to send
/// the same headers. The context is reused (headers cleared), so allocations are the middleware's own.
/// </summary>
[MemoryDiagnoser]
public class HeaderWriterBenchmarks
{
    private static readonly string[] Expected =
    [
        "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy",
        "Permissions-Policy", "Strict-Transport-Security",
    ];

    private RequestDelegate _bastion = null!;
    private RequestDelegate _netEscapades = null!;
    private DefaultHttpContext _context = null!;
    private StartableResponse _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        IServiceProvider services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var writer = new Bastion.Headers.SecurityHeaders(Microsoft.Extensions.Options.Options.Create(new Bastion.Headers.BastionHeadersOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Bastion.Headers.SecurityHeaders>.Instance);
        var bastion = new ApplicationBuilder(services);
        bastion.Use(next => context =>
        {
            writer.WriteHeaders(context);
            return next(context);
        });
        bastion.Run(static _ => Task.CompletedTask);
        _bastion = bastion.Build();

        var policies = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 63072000)
            .AddContentSecurityPolicy(b =>
            {
                b.AddDefaultSrc().Self();
                b.AddObjectSrc().None();
                b.AddFrameAncestors().None();
                b.AddBaseUri().Self();
                b.AddFormAction().Self();
            })
            .AddCustomHeader("Permissions-Policy", Bastion.Headers.SecurityHeaderDefaults.PermissionsPolicy)
            .AddCustomHeader("X-XSS-Protection", "0")
            .AddCustomHeader("Vary", "Origin");
        var netEscapades = new ApplicationBuilder(services);
        netEscapades.UseSecurityHeaders(policies);
        netEscapades.Run(static _ => Task.CompletedTask);
        _netEscapades = netEscapades.Build();

        _response = new StartableResponse();
        _context = new DefaultHttpContext();
        _context.Features.Set<IHttpResponseFeature>(_response);
        _context.Request.Scheme = "https";
        foreach ((string name, RequestDelegate pipeline) in new[] { ("Bastion", _bastion), ("NetEscapades", _netEscapades) })
        {
            Run(pipeline).GetAwaiter().GetResult();
            foreach (string header in Expected)
            {
                if (!_context.Response.Headers.ContainsKey(header))
                {
                    throw new InvalidOperationException(name + " did not send " + header);
                }
            }
        }
    }

    /// <summary>Header count of the last response (keeps the work observable without boxing a result per call).</summary>
    public int LastCount { get; private set; }

    private async Task Run(RequestDelegate pipeline)
    {
        _context.Response.Headers.Clear();
        _response.Reset();
        await pipeline(_context);
        await _response.StartAsync();
        LastCount = _context.Response.Headers.Count;
    }

    [Benchmark(Baseline = true)]
    public Task BastionWriter() => Run(_bastion);

    [Benchmark]
    public Task NetEscapadesMiddleware() => Run(_netEscapades);

    /// <summary>A response feature that keeps OnStarting callbacks and runs them when the benchmark starts the response.</summary>
    private sealed class StartableResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public void Reset() => _starting.Clear();

        public async Task StartAsync()
        {
            for (int i = _starting.Count - 1; i >= 0; i--)
            {
                await _starting[i].Callback(_starting[i].State);
            }
        }
    }
}
