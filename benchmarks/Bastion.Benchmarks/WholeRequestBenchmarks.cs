using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Ganss.Xss;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bastion.Benchmarks;

/// <summary>
/// A whole POST with the ten-field order body through an in-process host (TestServer: routing, body reading, JSON,
/// the endpoint, the response): (a) the Bastion-generated endpoint ([CsrfProtected] in the default, tokenless mode,
/// generated validation and sanitization) behind <c>UseBastion()</c>; (b) the same endpoint pinned to the Token mode;
/// (c) the same protection built the usual runtime way — a minimal-API endpoint (RequestDelegateFactory), .NET 10
/// validation (<c>AddValidation</c>), an antiforgery-validating endpoint filter and a reflection filter sanitizing the
/// <c>[Sanitize]</c>-marked strings with HtmlSanitizer; (d) the bare endpoint. Every request carries
/// <c>Sec-Fetch-Site: same-origin</c> and a valid antiforgery cookie and header (ignored where no token is checked);
/// each variant must answer 200, and the setup checks that the protected variants refuse a cross-site request.
/// </summary>
[MemoryDiagnoser]
public class WholeRequestBenchmarks
{
    private static readonly byte[] Body = JsonSerializer.SerializeToUtf8Bytes(OrderSamples.Valid(), JsonSerializerOptions.Web);
    private (WebApplication App, HttpClient Client, string Cookie, string Token) _bastion;
    private (WebApplication App, HttpClient Client, string Cookie, string Token) _runtime;
    private (WebApplication App, HttpClient Client, string Cookie, string Token) _bare;

    [GlobalSetup]
    public void Setup()
    {
        _bastion = Start(Variant.Bastion);
        _runtime = Start(Variant.Runtime);
        _bare = Start(Variant.Bare);
        foreach ((string name, Func<Task<HttpStatusCode>> call) in new (string, Func<Task<HttpStatusCode>>)[] { ("Bastion", Bastion), ("Bastion token mode", BastionTokenMode), ("runtime", RuntimeMiddleware), ("bare", Bare) })
        {
            HttpStatusCode status = call().GetAwaiter().GetResult();
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The {name} variant answered {(int)status}.");
            }
        }

        // The protection is really on: a cross-site request is refused, and the token mode refuses a request without its token.
        foreach ((string name, HttpStatusCode status) in new[]
        {
            ("Bastion, cross-site", Post(_bastion, "/protected/orders", crossSite: true).GetAwaiter().GetResult()),
            ("Bastion token mode, no token", Post(_bastion with { Token = string.Empty }, "/protected/token/orders").GetAwaiter().GetResult()),
        })
        {
            if (status != HttpStatusCode.Forbidden)
            {
                throw new InvalidOperationException($"{name} answered {(int)status}, not 403.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var host in new[] { _bastion, _runtime, _bare })
        {
            host.Client.Dispose();
            host.App.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true)]
    public Task<HttpStatusCode> Bastion() => Post(_bastion, "/protected/orders");

    [Benchmark]
    public Task<HttpStatusCode> BastionTokenMode() => Post(_bastion, "/protected/token/orders");

    [Benchmark]
    public Task<HttpStatusCode> RuntimeMiddleware() => Post(_runtime, "/runtime/orders");

    [Benchmark]
    public Task<HttpStatusCode> Bare() => Post(_bare, "/bare/orders");

    private static async Task<HttpStatusCode> Post((WebApplication App, HttpClient Client, string Cookie, string Token) host, string path, bool crossSite = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("Cookie", host.Cookie);
        if (host.Token.Length > 0)
        {
            request.Headers.Add("X-CSRF-TOKEN", host.Token);
        }

        request.Headers.Add("Sec-Fetch-Site", crossSite ? "cross-site" : "same-origin");
        using HttpResponseMessage response = await host.Client.SendAsync(request).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.StatusCode;
    }

    private enum Variant { Bastion, Runtime, Bare }

    private static (WebApplication, HttpClient, string, string) Start(Variant variant)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration["Bastion:Csrf:AllowInsecureCookie"] = "true";
        if (variant == Variant.Bastion)
        {
            // The library's AddBastion (the generated overload would also bind this project's [BastionOptions] benchmark
            // types) plus what the generated one adds for a [CsrfProtected(CsrfMode.Token)] endpoint.
            BastionApplicationExtensions.AddBastion(builder);
            Csrf.BastionCsrfExtensions.AddBastionCsrfTokens(builder);
        }
        else
        {
            builder.Services.AddAntiforgery(o => { o.HeaderName = "X-CSRF-TOKEN"; o.Cookie.Name = "bastion-csrf"; });
            if (variant == Variant.Runtime)
            {
                MicrosoftValidation.Add(builder.Services);
            }
        }

        WebApplication app = builder.Build();
        if (variant == Variant.Bastion)
        {
            app.UseBastion();
            app.MapBastionEndpoints();
        }
        else
        {
            app.MapGet("/bastion/csrf-token", (HttpContext context) =>
            {
                AntiforgeryTokenSet tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
                return Results.Json(new TokenResponse(tokens.RequestToken!), BenchmarkJson.Default.TokenResponse);
            });
            if (variant == Variant.Runtime)
            {
                var sanitizer = new HtmlSanitizer();
                app.MapPost("/runtime/orders", (Order order) => TypedResults.Ok(order.Lines.Count))
                    .AddEndpointFilter(async (invocation, next) =>
                    {
                        IAntiforgery antiforgery = invocation.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
                        if (!await antiforgery.IsRequestValidAsync(invocation.HttpContext))
                        {
                            return Results.Problem(statusCode: 403);
                        }

                        foreach (object? argument in invocation.Arguments)
                        {
                            if (argument is not null)
                            {
                                MarkedSanitizingFilter.Sanitize(argument, sanitizer);
                            }
                        }

                        return await next(invocation);
                    });
            }
            else
            {
                app.MapPost("/bare/orders", (Order order) => TypedResults.Ok(order.Lines.Count));
            }
        }

        app.StartAsync().GetAwaiter().GetResult();
        HttpClient client = app.GetTestClient();
        using HttpResponseMessage token = client.GetAsync("/bastion/csrf-token").GetAwaiter().GetResult();
        string cookie = token.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        string value = JsonDocument.Parse(token.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty("token").GetString()!;
        return (app, client, cookie, value);
    }
}

public sealed record TokenResponse(string Token);

[System.Text.Json.Serialization.JsonSerializable(typeof(TokenResponse))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
public sealed partial class BenchmarkJson : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>A careful runtime sanitizing filter: only properties marked [Sanitize] (found once by reflection), each through HtmlSanitizer.</summary>
public static class MarkedSanitizingFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Marked = new();

    public static void Sanitize(object target, HtmlSanitizer sanitizer)
    {
        foreach (PropertyInfo property in Marked.GetOrAdd(target.GetType(), static type => type
                     .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType == typeof(string) && p.CanWrite && p.GetCustomAttribute<SanitizeAttribute>() is not null)
                     .ToArray()))
        {
            if (property.GetValue(target) is string value)
            {
                property.SetValue(target, sanitizer.Sanitize(value));
            }
        }
    }
}

/// <summary>
/// The one AddValidation() call site of this project: the .NET 10 validation generator intercepts each call site and
/// fails with two (duplicate generated file name), so both benchmarks share this one.
/// </summary>
public static class MicrosoftValidation
{
    public static IServiceCollection Add(IServiceCollection services) => services.AddValidation();
}
