using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Threading.Tasks;
using Bastion.ApiKeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bastion.Secrets.Tests;

/// <summary>A machine-to-machine endpoint: the key is read from X-Api-Key only.</summary>
[BastionEndpoints("/partner")]
public static partial class PartnerEndpoints
{
    [Post("/orders"), RequireApiKey]
    public static Ok<string> PlaceOrder(ClaimsPrincipal caller) => TypedResults.Ok("order for " + caller.FindFirst("sub")!.Value);
}

public sealed class ApiKeyEndpointTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "bastion-keys-http-" + Guid.NewGuid().ToString("N") + ".db");
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private readonly CapturedLogs _logs = new();
    private ApiKeyCreated _key = null!;

    private string ConnectionString => "Data Source=" + _file + ";Pooling=False";

    public async ValueTask InitializeAsync()
    {
        WebApplicationBuilder builder = TestSupport.Builder("Production", TestSupport.ValidConfiguration(), _logs).AddBastion();
        builder.AddBastionApiKeys(_ => new SqliteConnection(ConnectionString));
        _app = builder.Build();
        _app.UseBastion();
        _app.MapBastionEndpoints();
        await using (var db = new SqliteConnection(ConnectionString))
        {
            await ApiKeyService.EnsureSchemaAsync(db, TestContext.Current.CancellationToken);
            _key = await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync(db, "acme", TestContext.Current.CancellationToken);
            Canary.Track(_key.Key);
        }

        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = new HttpClient { BaseAddress = TestSupport.AddressOf(_app) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_file);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        foreach ((string name, string value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using HttpResponseMessage response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Canary.Record(body);
        return (response.StatusCode, body);
    }

    [Fact]
    public async Task A_valid_key_in_the_header_reaches_the_handler_as_its_owner()
        => Assert.Equal((HttpStatusCode.OK, "\"order for acme\""), await PostAsync("/partner/orders", ("X-Api-Key", _key.Key)));

    [Fact]
    public async Task Keys_anywhere_but_one_X_Api_Key_header_are_refused()
    {
        // A key in a URL is written to request logs (ASP.NET Core logs "Request starting ... ?api_key=..." at
        // Information) and proxy logs: it is burnt. So the URL attempts use a key of their own, not searched for by
        // the canary check, and revoked afterwards, as an operator should.
        ApiKeyCreated burnt;
        await using (var db = new SqliteConnection(ConnectionString))
        {
            burnt = await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync(db, "careless-client", TestContext.Current.CancellationToken);
        }

        foreach ((string path, (string, string)[] headers) in new (string, (string, string)[])[]
        {
            ("/partner/orders", []),
            ("/partner/orders?api_key=" + Uri.EscapeDataString(burnt.Key), []),
            ("/partner/orders?X-Api-Key=" + Uri.EscapeDataString(burnt.Key), []),
            ("/partner/orders", [("Authorization", "Bearer " + _key.Key)]),
            ("/partner/orders", [("Cookie", "X-Api-Key=" + _key.Key)]),
            ("/partner/orders", [("X-Api-Key", _key.Key), ("X-Api-Key", _key.Key)]),
            ("/partner/orders", [("X-Api-Key", _key.Key + "x")]),
        })
        {
            (HttpStatusCode status, string body) = await PostAsync(path, headers);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Contains("\"status\":401", body, StringComparison.Ordinal);
        }

        await using (var db = new SqliteConnection(ConnectionString))
        {
            Assert.True(await _app.Services.GetRequiredService<ApiKeyService>().RevokeAsync(db, burnt.Id, TestContext.Current.CancellationToken));
        }

        Assert.True(_logs.Contains("Bastion: an API key (id " + burnt.Id + ") was sent in the query string"), string.Join("\n", _logs.Lines));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        ApiKeyCreated other;
        await using (var db = new SqliteConnection(ConnectionString))
        {
            ApiKeyService service = _app.Services.GetRequiredService<ApiKeyService>();
            other = await service.CreateAsync(db, "globex", TestContext.Current.CancellationToken);
            Canary.Track(other.Key);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync("/partner/orders", ("X-Api-Key", other.Key))).Status);
            await service.RevokeAsync(db, other.Id, TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/partner/orders", ("X-Api-Key", other.Key))).Status);
    }

    [Fact]
    public async Task An_unreachable_key_store_refuses_every_key_with_a_503_problem()
    {
        // A PostgreSQL address where nothing listens: the store is down. Fail closed, and say "retry", not "bad key".
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        WebApplicationBuilder builder = TestSupport.Builder("Production", TestSupport.ValidConfiguration(), _logs).AddBastion();
        builder.AddBastionApiKeys(_ => new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={closedPort};Username=x;Database=x;Timeout=2;Pooling=false"));
        await using WebApplication app = builder.Build();
        app.UseBastion();
        app.MapBastionEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = TestSupport.AddressOf(app) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/partner/orders");
        request.Headers.TryAddWithoutValidation("X-Api-Key", _key.Key);
        using HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Canary.Record(body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":503", body, StringComparison.Ordinal);
        Assert.DoesNotContain("order for", body, StringComparison.Ordinal);
        Assert.Equal("1", string.Join(",", response.Headers.GetValues("Retry-After")));
        Assert.True(_logs.Contains("the API-key store could not be read"), string.Join("\n", _logs.Lines));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
