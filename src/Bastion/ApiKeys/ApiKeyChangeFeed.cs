using System;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.ApiKeys;

/// <summary>
/// Tells every instance that an API key changed (retired or revoked), so per-instance caches drop it. Packages supply
/// one: PostgreSQL LISTEN/NOTIFY (Bastion.PostgreSql) or Redis pub/sub (Bastion.Redis). While a feed is not listening,
/// instances cannot learn of changes, so <see cref="ApiKeyCache"/> is bypassed and every check reads the database;
/// when it listens again the cache starts empty.
/// </summary>
public abstract class ApiKeyChangeFeed
{
    private Action<string>? _changed;
    private Action? _reset;

    /// <summary>True while changes published by other instances reach this one.</summary>
    public abstract bool IsListening { get; }

    /// <summary>Tells every instance (this one included) that <paramref name="keyId"/> changed.</summary>
    public abstract Task PublishAsync(string keyId, CancellationToken ct = default);

    internal void Subscribe(Action<string> changed, Action reset)
    {
        _changed += changed;
        _reset += reset;
    }

    /// <summary>Call for each change received.</summary>
    protected void OnChanged(string keyId) => _changed?.Invoke(keyId);

    /// <summary>Call when listening starts or stops: changes may have been missed, so caches are emptied.</summary>
    protected void OnListeningChanged() => _reset?.Invoke();
}
