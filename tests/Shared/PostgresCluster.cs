using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's binaries (initdb + pg_ctl) in a temp folder on a free
/// 127.0.0.1 port, stopped and deleted on dispose. Under root it runs as the 'postgres' user (initdb refuses
/// root). <see cref="SkipReason"/> is set when the binaries are absent; .ci/run installs them. Connections over
/// TCP use <see cref="Password"/> with scram-sha-256 when the cluster is created with password authentication,
/// otherwise trust.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string? _bin;
    private string? _folder;
    private bool _asPostgresUser;
    private int _port;

    /// <summary>Whether TCP connections must give <see cref="Password"/> (set before <see cref="InitializeAsync"/>).</summary>
    public bool PasswordAuthentication { get; init; }

    /// <summary>The superuser's password when the cluster checks passwords.</summary>
    public string Password { get; } = "pg-" + Guid.NewGuid().ToString("N");

    public string? SkipReason { get; private set; }

    /// <summary>Host and port only (no user or password), for building other connection strings.</summary>
    public string ServerAddress { get; private set; } = string.Empty;

    /// <summary>Runs SQL as the superuser over the local socket (trusted), for example to change a role's password.</summary>
    public Task RunSqlAsync(string sql) => Run(Path.Combine(_bin!, "psql"), ["-h", _folder!, "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "bastion", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql]);

    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (_bin is null)
        {
            SkipReason = "PostgreSQL binaries not found under /usr/lib/postgresql (Debian package 'postgresql'; .ci/run installs it)";
            return;
        }

        _asPostgresUser = Environment.UserName == "root";
        _folder = Directory.CreateTempSubdirectory("bastion-pg-").FullName;
        string data = Path.Combine(_folder, "data");
        if (_asPostgresUser)
        {
            await Run("/usr/bin/chown", ["-R", "postgres:postgres", _folder], asPostgres: false);
        }

        int port = FreePort();
        _port = port;
        if (PasswordAuthentication)
        {
            string passwordFile = Path.Combine(_folder, "pwfile");
            await File.WriteAllTextAsync(passwordFile, Password);
            if (_asPostgresUser)
            {
                await Run("/usr/bin/chown", ["postgres:postgres", passwordFile], asPostgres: false);
            }

            await Run(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "bastion", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C"]);
        }
        else
        {
            await Run(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "bastion", "--auth=trust", "-E", "UTF8", "--locale=C"]);
        }

        await Run(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);
        ServerAddress = $"Host=127.0.0.1;Port={port}";
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=bastion;Database=postgres;Pooling=false" + (PasswordAuthentication ? ";Password=" + Password : string.Empty);
    }

    /// <summary>Stops the server as an outage does (fast shutdown: sessions are terminated), keeping its data.</summary>
    public Task StopAsync() => Run(Path.Combine(_bin!, "pg_ctl"), ["-D", Path.Combine(_folder!, "data"), "-m", "fast", "-w", "-t", "60", "stop"]);

    /// <summary>Starts the stopped server again on the same port.</summary>
    public Task StartAsync() => Run(Path.Combine(_bin!, "pg_ctl"), ["-D", Path.Combine(_folder!, "data"), "-l", Path.Combine(_folder!, "server.log"), "-w", "-t", "60",
        "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);

    public async ValueTask DisposeAsync()
    {
        if (_bin is not null && _folder is not null)
        {
            try
            {
                await Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Not running (start failed); nothing to stop.
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task Run(string program, string[] arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo(asPostgres && _asPostgresUser ? "/usr/sbin/runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && _asPostgresUser)
        {
            foreach (string argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(program + " did not finish in 120 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
