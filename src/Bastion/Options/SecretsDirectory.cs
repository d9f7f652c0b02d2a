using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Bastion.Options;

/// <summary>
/// The secrets directory (<c>Bastion:Secrets:Directory</c>) as configuration: each file is one key
/// (<c>Payments__ApiKey</c> is <c>Payments:ApiKey</c>, one trailing newline dropped); directories and dot-files (the
/// <c>..data</c> link and timestamped folders of a Kubernetes mount) are skipped. The directory is polled, because
/// Kubernetes replaces a mounted Secret by swapping a symbolic link, which file watchers miss.
/// <para>
/// A change is read whole or not at all. When a listed file cannot be read (a key link left dangling for a moment while a
/// Secret loses a key, a file deleted between listing and reading, an I/O error) the values in use stay, a warning names
/// the file and the setting (never a value), and the next change is read again. At start-up the same problem stops the
/// app. Nothing escapes to the watcher's thread.
/// </para>
/// </summary>
internal sealed class SecretsDirectorySource(string directory, SecretsDirectoryLog log) : IConfigurationSource
{
    public const string Setting = "Bastion:Secrets:Directory";

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new SecretsDirectoryProvider(directory, log);
}

internal sealed class SecretsDirectoryProvider : ConfigurationProvider, IDisposable
{
    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(100);
    private readonly string _directory;
    private readonly SecretsDirectoryLog _log;
    private readonly PhysicalFileProvider _files;
    private readonly IDisposable _watch;

    public SecretsDirectoryProvider(string directory, SecretsDirectoryLog log)
    {
        _directory = directory;
        _log = log;
        _files = new PhysicalFileProvider(directory, ExclusionFilters.Sensitive) { UsePollingFileWatcher = true, UseActivePolling = true };
        // The poll compares each entry's write time, read through its link: a Kubernetes swap, which changes only the
        // folder behind "..data", shows as a change of the key links (ReloadFaultTests).
        _watch = ChangeToken.OnChange(() => _files.Watch("*"), Reload);
    }

    public override void Load()
    {
        if (!TryRead(out Dictionary<string, string?> data, out string file, out string reason))
        {
            throw new InvalidOperationException($"Bastion: configuration key '{SecretsDirectorySource.Setting}' names '{_directory}', whose file '{file}' could not be read ({reason}).");
        }

        Data = data;
    }

    public void Dispose()
    {
        _watch.Dispose();
        _files.Dispose();
    }

    private void Reload()
    {
        Thread.Sleep(SettleDelay); // a tool writing several files is usually done by then
        Dictionary<string, string?> data;
        try
        {
            if (!TryRead(out data, out string file, out string reason))
            {
                _log.Unreadable(_directory, file, reason);
                return;
            }
        }
        catch (Exception error)
        {
            _log.Unreadable(_directory, _directory, error.GetType().Name); // nothing escapes to the watcher's thread
            return;
        }

        Data = data;
        try
        {
            OnReload();
        }
        catch (Exception error)
        {
            // A listener of the configuration threw (the values are applied): say so instead of losing it on the
            // watcher's thread.
            _log.ListenerFailed(_directory, error);
        }
    }

    private bool TryRead(out Dictionary<string, string?> data, out string file, out string reason)
    {
        data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        (file, reason) = (string.Empty, string.Empty);
        string current = _directory;
        try
        {
            IDirectoryContents contents = _files.GetDirectoryContents(string.Empty);
            if (!contents.Exists)
            {
                (file, reason) = (_directory, "the directory is gone");
                return false;
            }

            foreach (IFileInfo entry in contents)
            {
                if (entry.IsDirectory)
                {
                    continue;
                }

                current = entry.Name;
                using Stream stream = entry.CreateReadStream();
                using var reader = new StreamReader(stream);
                string value = reader.ReadToEnd();
                int newline = value.EndsWith("\r\n", StringComparison.Ordinal) ? 2 : value.EndsWith('\n') ? 1 : 0;
                data[entry.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = value[..^newline];
            }

            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            file = current;
            reason = error is FileNotFoundException or DirectoryNotFoundException
                ? "it is listed but does not open: a dangling link, or a file removed while the directory was read"
                : error.GetType().Name;
            return false;
        }
    }
}

/// <summary>Where the secrets directory reports what it could not read; logged once the host has logging.</summary>
internal sealed class SecretsDirectoryLog
{
    private static readonly Action<ILogger, string, string, string, Exception?> UnreadableMessage = LoggerMessage.Define<string, string, string>(
        LogLevel.Warning, new EventId(13, "SecretsDirectoryUnreadable"),
        "Bastion: the secrets directory '{Directory}' (" + SecretsDirectorySource.Setting + ") changed, but its file '{File}' could not be read ({Reason}), so the values in use stay until the next change can be read whole");

    private static readonly Action<ILogger, string, Exception?> ListenerMessage = LoggerMessage.Define<string>(
        LogLevel.Error, new EventId(14, "ConfigurationListenerFailed"),
        "Bastion: the secrets directory '{Directory}' (" + SecretsDirectorySource.Setting + ") was read, and a configuration change listener threw");

    private readonly object _gate = new();
    private readonly List<Action<ILogger>> _pending = [];
    private ILogger? _logger;

    public void Unreadable(string directory, string file, string reason) => Write(logger => UnreadableMessage(logger, directory, file, reason, null));

    public void ListenerFailed(string directory, Exception error) => Write(logger => ListenerMessage(logger, directory, error));

    /// <summary>Logs what was reported before the host had logging, then everything as it comes.</summary>
    public void Attach(ILogger logger)
    {
        lock (_gate)
        {
            _logger = logger;
            foreach (Action<ILogger> write in _pending)
            {
                write(logger);
            }

            _pending.Clear();
        }
    }

    private void Write(Action<ILogger> write)
    {
        lock (_gate)
        {
            if (_logger is null)
            {
                if (_pending.Count < 100)
                {
                    _pending.Add(write);
                }

                return;
            }
        }

        write(_logger);
    }
}

/// <summary>Gives <see cref="SecretsDirectoryLog"/> the host's logger when the host starts.</summary>
internal sealed class SecretsDirectoryLogging(SecretsDirectoryLog log, ILoggerFactory loggers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        log.Attach(loggers.CreateLogger("Bastion"));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
