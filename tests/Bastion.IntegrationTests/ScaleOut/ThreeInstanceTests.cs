#pragma warning disable BAS1601 // The client sends API keys and tokens it was given, as any client does.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bastion.ApiKeys;
using Bastion.Samples.Api;
using Bastion.Testing;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bastion.IntegrationTests.ScaleOut;

/// <summary>
/// Three instances of the sample on Kestrel sharing a real redis-server (Data Protection key ring) and a throwaway
/// PostgreSQL cluster (API keys with LISTEN/NOTIFY), with JWT keys in a shared secrets directory. A client round-robins
/// for 60 seconds while the test rotates the Data Protection key, rotates the JWT key (two steps), revokes, rotates and
/// retires API keys, restarts one instance and restarts Redis. It tallies valid requests refused, revoked or retired
/// keys accepted after the 1 s bound, and responses of 500 or more, and requires all three to be zero.
/// </summary>
[Collection(nameof(ThreeInstanceRun))]
public sealed class ThreeInstanceTests(RedisServer redis, PostgresCluster postgres) : IClassFixture<RedisServer>, IClassFixture<PostgresCluster>, IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Run = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("bastion-three-").FullName;
    private readonly Lock _gate = new();
    private readonly KestrelHost?[] _instances = new KestrelHost?[3];
    private readonly List<string> _problems = [];
    private string[] _arguments = [];
    private int _validRefused;
    private int _revokedAccepted;
    private int _serverErrors;
    private int _transportErrors;
    private int _requests;
    private int _endedRefused;
    private int _notesOpened;
    private int _next;

    private string Secrets => Path.Combine(_folder, "secrets");

    [Fact]
    public async Task Three_instances_keep_serving_through_rotations_revocations_and_restarts()
    {
        Assert.SkipWhen(redis.SkipReason is not null, redis.SkipReason ?? string.Empty);
        Assert.SkipWhen(postgres.SkipReason is not null, postgres.SkipReason ?? string.Empty);
        CancellationToken ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(Secrets);
        AddJwtKey("k1");
        WriteSecret("Bastion__Jwt__CurrentKid", "k1");
        _arguments =
        [
            "--environment=Production",
            "--contentRoot=" + Path.Combine(RepositoryRoot.Find(), "samples", "Bastion.Samples.Api"),
            "--Logging:LogLevel:Default=Warning",
            "--Bastion:DataProtection:Store=Redis",
            "--Bastion:DataProtection:ApplicationName=bastion-sample",
            "--Bastion:DataProtection:Redis:Key=bastion:three:dp",
            "--Bastion:Redis:Configuration=" + redis.Configuration,
            "--Bastion:PostgreSql:ConnectionString=" + await ScaleOutApps.NewDatabaseAsync(postgres),
            "--Bastion:Secrets:Directory=" + Secrets,
            "--Bastion:Jwt:Issuer=https://sample.example.com",
            "--Bastion:Jwt:Audience=partners",
            "--Bastion:Jwt:Jwks:MaxAge=00:00:05",
            "--Bastion:ApiKeys:CacheLifetime=00:10:00",
            "--Bastion:ApiKeys:GracePeriod=00:00:05",
        ];
        for (int i = 0; i < 3; i++)
        {
            _instances[i] = await StartInstanceAsync(i);
        }

        var keys = new Credentials();
        keys.Active = await CreateKeyAsync("active");
        keys.Revoked = await CreateKeyAsync("to-revoke");
        keys.Rotated = await CreateKeyAsync("to-rotate");
        keys.Retired = await CreateKeyAsync("to-retire");

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var clock = Stopwatch.StartNew();
        Task[] workers = Enumerable.Range(0, 4).Select(w => Task.Run(() => WorkAsync(client, keys, w, stop.Token), CancellationToken.None)).ToArray();

        await AtAsync(clock, 5);
        keys.RevokedAt = Mark();
        await ChangeKeyAsync((service, db) => service.RevokeAsync(db, keys.Revoked.Id, ct));
        keys.RevokedDone = Mark();

        await AtAsync(clock, 10);
        // Data Protection rotation on one instance: a new default key, active now; the others learn of it from the first
        // payload that names it (their ring refreshes on an unknown key id).
        Instance(0).App.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));

        await AtAsync(clock, 15);
        // JWT rotation, step 1: publish k2 everywhere (every instance's JWKS lists it), then step 2: sign with it.
        AddJwtKey("k2");
        await UntilAsync(async () => (await Task.WhenAll(Enumerable.Range(0, 3).Select(i => JwksKidsAsync(client, i)))).All(kids => kids.Contains("k2")), "k2 reached every instance");
        WriteSecret("Bastion__Jwt__CurrentKid", "k2");

        await AtAsync(clock, 25);
        keys.RotatedAt = Mark();
        ApiKeyCreated? successor = null;
        await ChangeKeyAsync(async (service, db) => (successor = await service.RotateAsync(db, keys.Rotated.Id, ct)) is not null);
        keys.Successor = successor;
        keys.RotatedGraceEnds = keys.RotatedAt + TimeSpan.FromSeconds(5);

        await AtAsync(clock, 28);
        keys.RetiredAt = Mark();
        await ChangeKeyAsync((service, db) => service.RetireAsync(db, keys.Retired.Id, DateTimeOffset.UtcNow, ct));
        keys.RetiredDone = Mark();

        await AtAsync(clock, 32);
        await RestartInstanceAsync(2);

        await AtAsync(clock, 45);
        await redis.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        await redis.StartAsync();

        await AtAsync(clock, Run.TotalSeconds);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        string tallies = $"requests {_requests}, valid refused {_validRefused}, revoked or retired accepted after {Bound.TotalSeconds:F0} s {_revokedAccepted}, " +
                         $"responses >= 500 {_serverErrors}, transport errors {_transportErrors} " +
                         $"(ended keys refused after the bound, as they must be: {_endedRefused}; notes opened on another instance: {_notesOpened})";
        TestContext.Current.SendDiagnosticMessage("three-instance tallies: " + tallies);
        Directory.CreateDirectory(Path.Combine(RepositoryRoot.Find(), "TestResults"));
        await File.WriteAllTextAsync(Path.Combine(RepositoryRoot.Find(), "TestResults", "scale-out-tallies.txt"), tallies + "\n" + string.Join("\n", _problems.Take(50)) + "\n", CancellationToken.None);
        Assert.True(_requests > 1000 && _endedRefused > 100 && _notesOpened > 100, "the client made too few requests to mean anything: " + tallies);
        Assert.True(_validRefused == 0 && _revokedAccepted == 0 && _serverErrors == 0 && _transportErrors == 0, tallies + "\n" + string.Join("\n", _problems.Take(20)));
    }

    private sealed class Credentials
    {
        public ApiKeyCreated Active = null!;
        public ApiKeyCreated Revoked = null!;
        public ApiKeyCreated Rotated = null!;
        public ApiKeyCreated Retired = null!;
        public volatile ApiKeyCreated? Successor;
        public DateTimeOffset RevokedAt = DateTimeOffset.MaxValue;
        public DateTimeOffset RevokedDone = DateTimeOffset.MaxValue;
        public DateTimeOffset RotatedAt = DateTimeOffset.MaxValue;
        public DateTimeOffset RotatedGraceEnds = DateTimeOffset.MaxValue;
        public DateTimeOffset RetiredAt = DateTimeOffset.MaxValue;
        public DateTimeOffset RetiredDone = DateTimeOffset.MaxValue;
    }

    private async Task WorkAsync(HttpClient client, Credentials keys, int worker, CancellationToken stop)
    {
        string? token = null;
        var tokenAge = Stopwatch.StartNew();
        for (int round = 0; !stop.IsCancellationRequested && round < 1_000_000; round++)
        {
            try
            {
                if (token is null || tokenAge.Elapsed > TimeSpan.FromSeconds(3))
                {
                    using HttpResponseMessage issued = await SendAsync(client, HttpMethod.Post, "/api/partner/tokens", keys.Active.Key, null, null, stop);
                    if (Expect(issued, valid: true, "token for the active key"))
                    {
                        token = (await issued.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("token").GetString();
                        tokenAge.Restart();
                    }
                }

                // A steady load, not a stress test: the machine (2 cores) also runs the servers, Redis and PostgreSQL.
                await Task.Delay(2, stop);
                switch ((round + worker) % 6)
                {
                    case 0:
                        await WhoAmIAsync(client, keys.Active.Key, _ => true, "active key", stop);
                        break;
                    case 1:
                        await KeyAfterChangeAsync(client, keys.Revoked.Key, keys.RevokedAt, keys.RevokedDone, "revoked key", stop);
                        break;
                    case 2:
                        await KeyAfterChangeAsync(client, keys.Rotated.Key, keys.RotatedGraceEnds, keys.RotatedGraceEnds, "rotated-out key after its grace period", stop);
                        if (keys.Successor is { } successor)
                        {
                            await WhoAmIAsync(client, successor.Key, _ => true, "successor key", stop);
                        }

                        break;
                    case 3:
                        await KeyAfterChangeAsync(client, keys.Retired.Key, keys.RetiredAt, keys.RetiredDone, "retired key", stop);
                        break;
                    case 4 when token is not null:
                        using (HttpResponseMessage me = await SendAsync(client, HttpMethod.Get, "/api/partner/me", null, token, null, stop))
                        {
                            Expect(me, valid: true, "bearer token");
                        }

                        break;
                    case 5:
                        await SealAndOpenElsewhereAsync(client, keys.Active.Key, stop);
                        break;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException error)
            {
                Interlocked.Increment(ref _transportErrors);
                Problem("transport: " + error.Message);
            }
        }
    }

    private async Task WhoAmIAsync(HttpClient client, string key, Func<DateTimeOffset, bool> validNow, string what, CancellationToken stop)
    {
        using HttpResponseMessage response = await SendAsync(client, HttpMethod.Get, "/api/partner/whoami", key, null, null, stop);
        Expect(response, validNow(DateTimeOffset.UtcNow), what);
    }

    /// <summary>Valid when answered before the change started; must be refused when sent a bound after it finished.</summary>
    private async Task KeyAfterChangeAsync(HttpClient client, string key, DateTimeOffset changeStarted, DateTimeOffset changeDone, string what, CancellationToken stop)
    {
        DateTimeOffset sent = DateTimeOffset.UtcNow;
        using HttpResponseMessage response = await SendAsync(client, HttpMethod.Get, "/api/partner/whoami", key, null, null, stop);
        DateTimeOffset answered = DateTimeOffset.UtcNow;
        Count(response);
        if (answered < changeStarted && !response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _validRefused);
            Problem($"{what} refused before the change: {(int)response.StatusCode}");
        }
        else if (changeDone != DateTimeOffset.MaxValue && sent > changeDone + Bound && !response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _endedRefused);
        }
        else if (changeDone != DateTimeOffset.MaxValue && sent > changeDone + Bound && response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _revokedAccepted);
            Problem($"{what} accepted {(sent - changeDone).TotalMilliseconds:F0} ms after the change");
        }
    }

    private async Task SealAndOpenElsewhereAsync(HttpClient client, string key, CancellationToken stop)
    {
        string text = "note " + Guid.NewGuid().ToString("N");
        using HttpResponseMessage sealedResponse = await SendAsync(client, HttpMethod.Post, "/api/partner/notes/seal", key, null, JsonSerializer.Serialize(new { text }), stop);
        if (!Expect(sealedResponse, valid: true, "seal"))
        {
            return;
        }

        string sealedNote = (await sealedResponse.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("sealed").GetString()!;
        using HttpResponseMessage opened = await SendAsync(client, HttpMethod.Post, "/api/partner/notes/open", key, null, JsonSerializer.Serialize(new { @sealed = sealedNote }), stop);
        if (Expect(opened, valid: true, "open a note sealed on another instance") && Interlocked.Increment(ref _notesOpened) > 0
            && (await opened.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("text").GetString() != text)
        {
            Interlocked.Increment(ref _validRefused);
            Problem("a note opened to different text");
        }
    }

    private bool Expect(HttpResponseMessage response, bool valid, string what)
    {
        Count(response);
        if (valid && !response.IsSuccessStatusCode && (int)response.StatusCode < 500)
        {
            Interlocked.Increment(ref _validRefused);
            Problem($"{what}: {(int)response.StatusCode} from {response.RequestMessage?.RequestUri?.Authority}");
        }

        return response.IsSuccessStatusCode;
    }

    private void Count(HttpResponseMessage response)
    {
        Interlocked.Increment(ref _requests);
        if ((int)response.StatusCode >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
            Problem($"{(int)response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}");
        }
    }

    /// <summary>Round-robin over the instances in rotation (a load balancer drains an instance before it restarts).</summary>
    private Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? apiKey, string? bearer, string? json, CancellationToken stop)
    {
        Uri address;
        lock (_gate)
        {
            KestrelHost[] live = _instances.OfType<KestrelHost>().ToArray();
            address = live[(int)((uint)Interlocked.Increment(ref _next) % (uint)live.Length)].Client.BaseAddress!;
        }

        var request = new HttpRequestMessage(method, new Uri(address, path));
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        }

        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, stop);
    }

    private async Task<KestrelHost> StartInstanceAsync(int index)
        => await KestrelHost.StartAsync(SampleApp.Build([.. _arguments, $"--ConnectionStrings:Comments=Data Source={Path.Combine(_folder, "comments-" + index + ".db")};Pooling=False"]));

    private async Task RestartInstanceAsync(int index)
    {
        KestrelHost old;
        lock (_gate)
        {
            old = _instances[index]!;
            _instances[index] = null; // out of rotation first
        }

        await Task.Delay(200);
        await old.DisposeAsync();
        KestrelHost fresh = await StartInstanceAsync(index);
        lock (_gate)
        {
            _instances[index] = fresh;
        }
    }

    private KestrelHost Instance(int index)
    {
        lock (_gate)
        {
            return _instances[index]!;
        }
    }

    private async Task<ApiKeyCreated> CreateKeyAsync(string owner)
    {
        ApiKeyCreated? created = null;
        await ChangeKeyAsync(async (service, db) => (created = await service.CreateAsync(db, owner, TestContext.Current.CancellationToken)) is not null);
        return created!;
    }

    /// <summary>What the sample's api-keys commands do, run through instance 0's services.</summary>
    private async Task ChangeKeyAsync(Func<ApiKeyService, DbConnection, Task<bool>> change)
    {
        IServiceProvider services = Instance(0).App.Services;
        await using DbConnection db = services.GetRequiredService<ApiKeyDatabase>().Open(services);
        Assert.True(await change(services.GetRequiredService<ApiKeyService>(), db));
    }

    private async Task<string[]> JwksKidsAsync(HttpClient client, int index)
    {
        using JsonDocument document = JsonDocument.Parse(await client.GetStringAsync(new Uri(Instance(index).Client.BaseAddress!, "/.well-known/jwks.json")));
        return document.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToArray();
    }

    private void AddJwtKey(string kid)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        WriteSecret($"Bastion__Jwt__Keys__{kid}__PrivateKey", key.ExportPkcs8PrivateKeyPem());
        WriteSecret($"Bastion__Jwt__Keys__{kid}__Algorithm", "ES256");
    }

    private void WriteSecret(string name, string value)
    {
        string temporary = Path.Combine(Secrets, "." + name);
        File.WriteAllText(temporary, value);
        File.Move(temporary, Path.Combine(Secrets, name), overwrite: true);
    }

    private static DateTimeOffset Mark() => DateTimeOffset.UtcNow;

    private void Problem(string text)
    {
        lock (_problems)
        {
            _problems.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {text}");
        }
    }

    private static async Task AtAsync(Stopwatch clock, double seconds)
    {
        TimeSpan wait = TimeSpan.FromSeconds(seconds) - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, TestContext.Current.CancellationToken);
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), what + " within 30 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (KestrelHost? host in _instances)
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The three-instance run has the machine to itself: no other test class runs beside it.</summary>
[CollectionDefinition(nameof(ThreeInstanceRun), DisableParallelization = true)]
public sealed class ThreeInstanceRun;
