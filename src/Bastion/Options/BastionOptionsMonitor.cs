using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Bastion.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Bastion.Options;

/// <summary>
/// <c>IOptionsMonitor&lt;T&gt;</c> for generated options: binds and checks on first use (start-up, through
/// ValidateOnStart) and again whenever configuration reloads. A reload that fails the checks is not applied: the
/// last valid value stays current and a warning names the keys (never the values). Only the default (unnamed)
/// options instance exists.
/// </summary>
public sealed class BastionOptionsMonitor<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T> : IOptionsMonitor<T>, IDisposable where T : class, IBastionOptions<T>
{
    private static readonly Action<ILogger, string, string, Exception?> InvalidReload = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(10, "InvalidOptionsReload"), "Bastion: configuration section '{Section}' changed but is invalid, so the last valid values stay in use: {Problems}");

    private static readonly Action<ILogger, string, string, Exception?> UnreadableReload = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(11, "UnreadableOptionsReload"), "Bastion: configuration section '{Section}' changed but could not be bound ({Error}), so the last valid values stay in use");

    private static readonly Action<ILogger, string, Exception?> ListenerFailed = LoggerMessage.Define<string>(
        LogLevel.Error, new EventId(12, "OptionsChangeListenerFailed"), "Bastion: a change listener of configuration section '{Section}' threw; the new values are in use and the other listeners were told");

    private readonly IConfigurationSection _section;
    private readonly bool _development;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly List<Action<T, string?>> _listeners = [];
    private readonly IDisposable _reloads;
    private T? _current;
    private byte[]? _seen;

    /// <summary>Watches <paramref name="configuration"/>'s section for <typeparamref name="T"/>.</summary>
    public BastionOptionsMonitor(IConfiguration configuration, bool development, ILogger<BastionOptionsMonitor<T>> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(logger);
        _section = configuration.GetSection(T.ConfigurationSection);
        _development = development;
        _logger = logger;
        _reloads = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    /// <summary>The current valid value; throws <see cref="OptionsValidationException"/> when the configuration never was valid.</summary>
    public T CurrentValue
    {
        get
        {
            T? current = Volatile.Read(ref _current);
            if (current is not null)
            {
                return current;
            }

            lock (_gate)
            {
                if (_current is null)
                {
                    (T value, IReadOnlyList<string> problems) = Load();
                    if (problems.Count > 0)
                    {
                        throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(T),
                            problems.Select(p => "Bastion: " + p).ToArray());
                    }

                    Volatile.Write(ref _current, value);
                }

                return _current;
            }
        }
    }

    /// <inheritdoc/>
    public T Get(string? name) => string.IsNullOrEmpty(name)
        ? CurrentValue
        : throw new InvalidOperationException($"Bastion options '{typeof(T).Name}' have no named instance '{name}'; use the default instance.");

    /// <inheritdoc/>
    public IDisposable? OnChange(Action<T, string?> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners.Add(listener);
        }

        return new Subscription(this, listener);
    }

    /// <summary>Stops watching configuration.</summary>
    public void Dispose() => _reloads.Dispose();

    /// <summary>Binds and checks the section now; the problems are "key: message" lines.</summary>
    internal (T Value, IReadOnlyList<string> Problems) Load()
    {
        _seen = Fingerprint();
        var errors = new ValidationCollector { ConfigurationPaths = true };
        T value = T.BindFrom(_section, ref errors);
        if (!errors.HasErrors && errors.Enter(_section.Path))
        {
            T.Check(value, _development, ref errors);
            errors.Exit();
        }

        var problems = new List<string>();
        foreach (KeyValuePair<string, string[]> error in errors.ToDictionary().OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (string message in error.Value)
            {
                problems.Add(error.Key + " " + message);
            }
        }

        return (value, problems);
    }

    /// <summary>
    /// A hash of the section's keys and values: configuration raises one change per provider reload, and reloads of
    /// other sections, so the section is bound again only when its own content changed.
    /// </summary>
    private byte[] Fingerprint()
    {
        var text = new System.Text.StringBuilder();
        foreach (KeyValuePair<string, string?> pair in _section.AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(pair.Key).Append('\0').Append(pair.Value).Append('\0');
        }

        return System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>
    /// Runs on the thread of whatever raised the change (a file watcher, a poll, a caller of <c>Reload()</c>), so nothing
    /// escapes: an exception there is lost by the watcher or lands on an unrelated caller. A listener that throws is
    /// logged and the others still hear the change.
    /// </summary>
    private void Reload()
    {
        T value;
        try
        {
            if (_seen is not null && Fingerprint().AsSpan().SequenceEqual(_seen))
            {
                return;
            }

            (value, IReadOnlyList<string> problems) = Load();
            if (problems.Count > 0)
            {
                InvalidReload(_logger, T.ConfigurationSection, string.Join("; ", problems), null);
                return;
            }
        }
        catch (Exception error)
        {
            // Not the exception itself: a binder's message may quote the value it could not convert.
            UnreadableReload(_logger, T.ConfigurationSection, error.GetType().Name, null);
            return;
        }

        Action<T, string?>[] listeners;
        lock (_gate)
        {
            Volatile.Write(ref _current, value);
            listeners = [.. _listeners];
        }

        foreach (Action<T, string?> listener in listeners)
        {
            try
            {
                listener(value, Microsoft.Extensions.Options.Options.DefaultName);
            }
            catch (Exception error)
            {
                ListenerFailed(_logger, T.ConfigurationSection, error);
            }
        }
    }

    private sealed class Subscription(BastionOptionsMonitor<T> owner, Action<T, string?> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._listeners.Remove(listener);
            }
        }
    }
}
