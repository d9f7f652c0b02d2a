using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bastion.IntegrationTests;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, and a client pointed at it.</summary>
public sealed class KestrelHost : IAsyncDisposable
{
    private KestrelHost(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the test API (every [BastionEndpoints] class of this assembly) with Files:Root at <paramref name="filesRoot"/>.</summary>
    public static Task<KestrelHost> StartTestApiAsync(string filesRoot, System.Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null, System.Action<WebApplication>? map = null)
    {
        Microsoft.AspNetCore.Builder.WebApplicationBuilder builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Configuration["Files:Root"] = filesRoot;
        configure?.Invoke(builder);
        builder.AddBastion();
        Microsoft.Extensions.DependencyInjection.HttpJsonServiceExtensions.ConfigureHttpJsonOptions(builder.Services,
            o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, TestJsonContext.Default));
        Microsoft.AspNetCore.Builder.WebApplication app = builder.Build();
        app.UseBastion();
        map?.Invoke(app);
        app.MapBastionEndpoints();
        return StartAsync(app);
    }

    public static async Task<KestrelHost> StartAsync(WebApplication app)
    {
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelHost(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
