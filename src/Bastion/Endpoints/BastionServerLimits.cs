using System;
using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Bastion.Endpoints;

/// <summary>
/// The Kestrel limits <c>AddBastion()</c> sets (<c>Bastion:Limits</c>; docs/limits.md): tighter than Kestrel's own
/// defaults where those let one client hold a connection or buffer for long, and each named so a service can widen it.
/// A Bastion endpoint raises or lowers the body limit for its own request to the cap it declares
/// (<c>MaxRequestBodySize</c> on the verb attribute), so the server-wide value only bounds everything else.
/// </summary>
public sealed class BastionServerLimits
{
    /// <summary>1 MiB: the body of a request no endpoint declared a cap for (Kestrel's own default is 30 MB).</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>32 KiB for all request headers together (Kestrel's default, stated so it is documented and tested).</summary>
    public const int DefaultMaxRequestHeadersTotalSize = 32 * 1024;

    /// <summary>100 request headers (Kestrel's default).</summary>
    public const int DefaultMaxRequestHeaderCount = 100;

    /// <summary>8 KiB for the request line (Kestrel's default).</summary>
    public const int DefaultMaxRequestLineSize = 8 * 1024;

    /// <summary>10 s to send all request headers (Kestrel's default is 30 s; a slow-headers client holds a connection that long).</summary>
    public static readonly TimeSpan DefaultRequestHeadersTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Server-wide body limit in bytes (<c>Bastion:Limits:MaxRequestBodySize</c>).</summary>
    public long MaxRequestBodySize { get; init; } = DefaultMaxRequestBodySize;

    /// <summary>All request headers together, in bytes (<c>Bastion:Limits:MaxRequestHeadersTotalSize</c>).</summary>
    public int MaxRequestHeadersTotalSize { get; init; } = DefaultMaxRequestHeadersTotalSize;

    /// <summary>How many request headers (<c>Bastion:Limits:MaxRequestHeaderCount</c>).</summary>
    public int MaxRequestHeaderCount { get; init; } = DefaultMaxRequestHeaderCount;

    /// <summary>The request line (method, target, version), in bytes (<c>Bastion:Limits:MaxRequestLineSize</c>).</summary>
    public int MaxRequestLineSize { get; init; } = DefaultMaxRequestLineSize;

    /// <summary>Time allowed to receive all request headers (<c>Bastion:Limits:RequestHeadersTimeout</c>, hh:mm:ss).</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = DefaultRequestHeadersTimeout;

    /// <summary>Reads <c>Bastion:Limits</c>; a value that is not understood stops the app, naming the key.</summary>
    public static BastionServerLimits FromConfiguration(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new BastionServerLimits
        {
            MaxRequestBodySize = Positive(section, nameof(MaxRequestBodySize), DefaultMaxRequestBodySize, long.MaxValue),
            MaxRequestHeadersTotalSize = (int)Positive(section, nameof(MaxRequestHeadersTotalSize), DefaultMaxRequestHeadersTotalSize, int.MaxValue),
            MaxRequestHeaderCount = (int)Positive(section, nameof(MaxRequestHeaderCount), DefaultMaxRequestHeaderCount, int.MaxValue),
            MaxRequestLineSize = (int)Positive(section, nameof(MaxRequestLineSize), DefaultMaxRequestLineSize, int.MaxValue),
            RequestHeadersTimeout = Duration(section, nameof(RequestHeadersTimeout), DefaultRequestHeadersTimeout),
        };
    }

    /// <summary>Writes these limits into Kestrel's options.</summary>
    public void ApplyTo(KestrelServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.MaxRequestBodySize = MaxRequestBodySize;
        limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalSize;
        limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
        limits.MaxRequestLineSize = MaxRequestLineSize;
        limits.RequestHeadersTimeout = RequestHeadersTimeout;
    }

    private static long Positive(IConfigurationSection section, string key, long fallback, long max)
    {
        string? text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 && value <= max
            ? value
            : throw new InvalidOperationException(
                $"Bastion: configuration key '{section.Path}:{key}' must be a whole number of bytes (or headers) from 1 to {max.ToString(CultureInfo.InvariantCulture)}; see docs/limits.md.");
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback)
    {
        string? text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value) && value > TimeSpan.Zero && value <= TimeSpan.FromHours(1)
            ? value
            : throw new InvalidOperationException(
                $"Bastion: configuration key '{section.Path}:{key}' must be a duration from 00:00:00.001 to 01:00:00 (hh:mm:ss); see docs/limits.md.");
    }
}
