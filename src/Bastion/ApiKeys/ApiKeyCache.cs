using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Bastion.ApiKeys;

/// <summary>
/// A per-instance cache of API-key rows (hashes and dates, never keys), used only while an
/// <see cref="ApiKeyChangeFeed"/> is listening: a change notification drops the row at once, an entry lives at most
/// <see cref="Lifetime"/> (a backstop for a lost notification), and a retired key's end date is checked on every use
/// from the cached row, so expiry needs no notification.
/// </summary>
public sealed class ApiKeyCache
{
    /// <summary>The most rows kept.</summary>
    public const int MaxRows = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _rows = new(StringComparer.Ordinal);
    private readonly ApiKeyChangeFeed _feed;
    private readonly TimeProvider _time;
    private long _generation;

    /// <summary>A cache that <paramref name="feed"/> invalidates.</summary>
    public ApiKeyCache(ApiKeyChangeFeed feed, TimeSpan lifetime, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        _feed = feed;
        _time = time ?? TimeProvider.System;
        Lifetime = lifetime;
        feed.Subscribe(Drop, Clear);
    }

    /// <summary>The longest a row is used without reading the database again.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>How many rows are cached (for tests and metrics).</summary>
    public int Count => _rows.Count;

    /// <summary>Rows are stale-safe only while the feed listens.</summary>
    public bool IsUsable => _feed.IsListening;

    /// <summary>A marker to pass to <see cref="Put"/>: a row read before a change is not cached after it.</summary>
    internal long Generation => Interlocked.Read(ref _generation);

    internal bool TryGet(string id, out ApiKeyRow? row)
    {
        row = null;
        if (!IsUsable || !_rows.TryGetValue(id, out Entry entry))
        {
            return false;
        }

        if (_time.GetUtcNow() >= entry.Until)
        {
            _rows.TryRemove(new(id, entry));
            return false;
        }

        row = entry.Row;
        return true;
    }

    internal void Put(string id, ApiKeyRow? row, long generationBeforeRead)
    {
        // Unknown ids are not cached (a stream of made-up ids must not fill memory), nor anything past the cap.
        if (row is null || !IsUsable || _rows.Count >= MaxRows)
        {
            return;
        }

        _rows[id] = new Entry(row, _time.GetUtcNow() + Lifetime);
        if (Generation != generationBeforeRead)
        {
            _rows.TryRemove(id, out _); // a change arrived while the row was read: it may be stale
        }
    }

    internal void Drop(string id)
    {
        Interlocked.Increment(ref _generation);
        _rows.TryRemove(id, out _);
    }

    private void Clear()
    {
        Interlocked.Increment(ref _generation);
        _rows.Clear();
    }

    private readonly record struct Entry(ApiKeyRow? Row, DateTimeOffset Until);
}
