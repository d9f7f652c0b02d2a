using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Bastion.Jwt;

/// <summary>
/// The keys of another issuer, read from its JWKS URL (<see cref="JwksSettings"/>): cached for the document's
/// <c>max-age</c> (at most <see cref="JwksSettings.MaxAge"/>) and refreshed in the background when stale; a token with
/// an unknown kid refetches, but at most once per <see cref="JwksSettings.MinRefreshInterval"/> whatever arrives (one
/// fetch at a time); when the URL cannot be reached, the cached keys serve for <see cref="JwksSettings.MaxStale"/> after
/// the last good fetch and then every token is refused as unverifiable (fail closed). Only ES256 (P-256) and RS256
/// (2048+ bits) signing keys with a kid and an <c>alg</c> are taken; anything else in the document is ignored.
/// </summary>
public sealed class JwksKeySource : IDisposable
{
    /// <summary>The largest JWKS document read.</summary>
    public const int MaxDocumentBytes = 64 * 1024;

    private static readonly Action<ILogger, Uri, string, Exception?> FetchFailed = LoggerMessage.Define<Uri, string>(
        LogLevel.Warning, new EventId(21, "JwksFetchFailed"), "Bastion: the JWKS document at {Url} could not be read ({Reason}); cached keys stay in use until Bastion:Jwt:Jwks:MaxStale runs out");

    private static readonly Action<ILogger, Uri, string, Exception?> KeyIgnored = LoggerMessage.Define<Uri, string>(
        LogLevel.Information, new EventId(22, "JwksKeyIgnored"), "Bastion: a key in the JWKS document at {Url} is ignored: {Reason}");

    private readonly JwksSettings _settings;
    private readonly Uri _url;
    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private Task? _inFlight;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    private int _fetches;

    /// <summary>Reads keys from <see cref="JwksSettings.Url"/>; <paramref name="handler"/> defaults to a fresh socket handler.</summary>
    public JwksKeySource(JwksSettings settings, ILogger logger, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        _settings = settings;
        _url = settings.Url ?? throw new ArgumentException("Bastion:Jwt:JwksUrl is not set.", nameof(settings));
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _client = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(10),
            MaxResponseContentBufferSize = MaxDocumentBytes,
        };
    }

    /// <summary>How many fetches were started (a flood of unknown kids must not move it much).</summary>
    public int FetchCount => Volatile.Read(ref _fetches);

    /// <summary>The key ids of the last good document (empty before the first one).</summary>
    public IReadOnlyCollection<string> KeyIds => (IReadOnlyCollection<string>?)Volatile.Read(ref _snapshot)?.Keys.Keys ?? [];

    /// <summary>
    /// The key for <paramref name="kid"/>: found, unknown (the token is refused) or unavailable (no usable document:
    /// the token cannot be verified now, which is not the caller's fault).
    /// </summary>
    public async ValueTask<JwksLookup> FindAsync(string? kid, CancellationToken ct = default)
    {
        Snapshot? snapshot = Volatile.Read(ref _snapshot);
        DateTimeOffset now = _time.GetUtcNow();
        if (snapshot is null || now > snapshot.FetchedAt + _settings.MaxStale)
        {
            await WaitForRefreshAsync(ct).ConfigureAwait(false);
            snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is null || _time.GetUtcNow() > snapshot.FetchedAt + _settings.MaxStale)
            {
                return JwksLookup.Unavailable;
            }
        }
        else if (now >= snapshot.FreshUntil)
        {
            _ = StartRefresh(); // stale but usable: refresh in the background, answer from the cache now
        }

        if (kid is not null && snapshot.Keys.TryGetValue(kid, out JwtKey? key))
        {
            return new JwksLookup(key, false);
        }

        // An unknown kid: perhaps a key published since the last fetch. Refetch, rate-limited, then look again.
        await WaitForRefreshAsync(ct).ConfigureAwait(false);
        return kid is not null && Volatile.Read(ref _snapshot)?.Keys.TryGetValue(kid, out key) == true ? new JwksLookup(key, false) : JwksLookup.NotFound;
    }

    /// <summary>Fetches now unless a fetch ran within the minimum interval (used at start-up and by tests).</summary>
    public Task RefreshAsync(CancellationToken ct = default) => WaitForRefreshAsync(ct);

    /// <summary>Closes the HTTP client.</summary>
    public void Dispose() => _client.Dispose();

    private async Task WaitForRefreshAsync(CancellationToken ct)
    {
        if (StartRefresh() is { } running)
        {
            await running.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The fetch in flight, a new one when the interval allows, or null (rate-limited).</summary>
    private Task? StartRefresh()
    {
        lock (_gate)
        {
            if (_inFlight is { IsCompleted: false } running)
            {
                return running;
            }

            DateTimeOffset now = _time.GetUtcNow();
            if (now - _lastAttempt < _settings.MinRefreshInterval)
            {
                return null;
            }

            _lastAttempt = now;
            Interlocked.Increment(ref _fetches);
            _inFlight = Task.Run(FetchAsync);
            return _inFlight;
        }
    }

    private async Task FetchAsync()
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/jwk-set+json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
            using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                FetchFailed(_logger, _url, "HTTP " + (int)response.StatusCode, null);
                return;
            }

            byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            Dictionary<string, JwtKey> keys = Parse(body);
            TimeSpan fresh = response.Headers.CacheControl?.MaxAge ?? _settings.MaxAge;
            fresh = fresh > _settings.MaxAge ? _settings.MaxAge : fresh < _settings.MinRefreshInterval ? TimeSpan.FromTicks(Math.Min(_settings.MinRefreshInterval.Ticks, _settings.MaxAge.Ticks)) : fresh;
            DateTimeOffset now = _time.GetUtcNow();
            Volatile.Write(ref _snapshot, new Snapshot(keys, now, now + fresh));
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException or JsonException or InvalidDataException)
        {
            FetchFailed(_logger, _url, error.GetType().Name, null);
        }
    }

    private Dictionary<string, JwtKey> Parse(byte[] body)
    {
        using JsonDocument document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("keys", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("not a JWK set");
        }

        var keys = new Dictionary<string, JwtKey>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement jwk in list.EnumerateArray())
        {
            if (JwtKey.FromJwk(jwk, out string? refused) is not { } key)
            {
                KeyIgnored(_logger, _url, refused!, null);
            }
            else if (!keys.TryAdd(key.Kid, key))
            {
                duplicates.Add(key.Kid);
            }
        }

        // Two keys under one kid: neither is trusted, since Bastion never tries keys one by one.
        foreach (string kid in duplicates)
        {
            keys.Remove(kid);
            KeyIgnored(_logger, _url, $"kid '{kid}' appears more than once", null);
        }

        return keys;
    }

    private sealed record Snapshot(Dictionary<string, JwtKey> Keys, DateTimeOffset FetchedAt, DateTimeOffset FreshUntil);
}

/// <summary>What <see cref="JwksKeySource.FindAsync"/> found.</summary>
/// <param name="Key">The key, when found.</param>
/// <param name="IsUnavailable">No usable JWKS document: tokens cannot be verified now (503, not 401).</param>
public readonly record struct JwksLookup(JwtKey? Key, bool IsUnavailable)
{
    internal static JwksLookup NotFound => new(null, false);

    internal static JwksLookup Unavailable => new(null, true);
}
