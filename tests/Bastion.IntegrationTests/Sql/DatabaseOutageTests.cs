using Bastion.Testing;
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Xunit;

namespace Bastion.IntegrationTests.Sql;

/// <summary>
/// PostgreSQL stopped while requests run, over real HTTP: a generated [Sql] endpoint answers 503 problem details with
/// Retry-After (never a 500, never a 200 it could not compute) and recovers by itself once the database is back, with
/// the same pooled data source and no restart of the app.
/// </summary>
public sealed class DatabaseOutageTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task A_stopped_database_is_a_503_and_the_app_recovers_when_it_returns()
    {
        Assert.SkipWhen(cluster.SkipReason is not null, cluster.SkipReason ?? string.Empty);
        CancellationToken ct = TestContext.Current.CancellationToken;
        var pooled = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = true, Timeout = 3 };
        await using NpgsqlDataSource dataSource = NpgsqlDataSource.Create(pooled.ConnectionString);
        OutageEndpoints.DataSource = dataSource;
        await using KestrelHost host = await KestrelHost.StartTestApiAsync(Path.GetTempPath());

        // Four clients request continuously through every phase; each answer is recorded with the phase it ended in.
        var answers = new ConcurrentQueue<(string Phase, HttpStatusCode Status, string Body, bool RetryAfter)>();
        string phase = "up";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task[] clients = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using HttpResponseMessage response = await host.Client.GetAsync("/outage/relations", stop.Token);
                    string body = await response.Content.ReadAsStringAsync(stop.Token);
                    answers.Enqueue((Volatile.Read(ref phase), response.StatusCode, body, response.Headers.RetryAfter is not null));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            }
        }, ct)).ToArray();

        await Task.Delay(1000, ct);
        await cluster.StopAsync();
        Volatile.Write(ref phase, "down");
        await Task.Delay(3000, ct);
        Volatile.Write(ref phase, "restarting");
        await cluster.StartAsync();

        // Recovery without a restart of the app: bounded at 30 s.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30) && !answers.Any(a => a.Phase == "restarting" && a.Status == HttpStatusCode.OK))
        {
            await Task.Delay(100, ct);
        }

        Volatile.Write(ref phase, "recovered");
        await Task.Delay(1000, ct);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        string tally = string.Join(", ", answers.GroupBy(a => (a.Phase, a.Status)).Select(g => $"{g.Key.Phase} {(int)g.Key.Status}: {g.Count()}"));
        Assert.DoesNotContain(answers, a => a.Status != HttpStatusCode.OK && a.Status != HttpStatusCode.ServiceUnavailable);
        Assert.Contains(answers, a => a.Phase == "up" && a.Status == HttpStatusCode.OK);
        Assert.True(answers.Where(a => a.Phase == "down").All(a => a.Status == HttpStatusCode.ServiceUnavailable), tally);
        Assert.Contains(answers, a => a.Phase == "down");
        var unavailable = answers.First(a => a.Status == HttpStatusCode.ServiceUnavailable);
        Assert.True(unavailable.RetryAfter, "a 503 says when to retry");
        Assert.Contains("\"status\":503", unavailable.Body, StringComparison.Ordinal);
        Assert.Contains("The database is unavailable", unavailable.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", unavailable.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", unavailable.Body, StringComparison.Ordinal);
        Assert.True(answers.Any(a => a.Phase == "restarting" && a.Status == HttpStatusCode.OK), "no 200 within 30 s of the database's return: " + tally);
        Assert.True(answers.Where(a => a.Phase == "recovered").All(a => a.Status == HttpStatusCode.OK), tally);
    }
}
