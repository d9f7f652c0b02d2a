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
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Bastion.IntegrationTests.Sql;

/// <summary>
/// PostgreSQL stopped while requests run, over real HTTP: a generated [Sql] endpoint and an API-key endpoint (keys in the
/// same database) answer 503 problem details with Retry-After (never a 500, never a 200 they could not compute, never a
/// 200 for a key that was not verified) and recover by themselves once the database is back, with the same pooled data
/// sources and no restart of the app.
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
        string keysDatabase = await Bastion.IntegrationTests.ScaleOut.ScaleOutApps.NewDatabaseAsync(cluster);
        await using KestrelHost host = await KestrelHost.StartTestApiAsync(Path.GetTempPath(), builder =>
        {
            builder.Configuration["Bastion:PostgreSql:ConnectionString"] = keysDatabase;
            Bastion.PostgreSql.PostgreSqlStores.AddBastionPostgreSqlApiKeys(builder);
        });
        var keys = host.App.Services.GetRequiredService<Bastion.ApiKeys.ApiKeyService>();
        string key;
        await using (var db = new NpgsqlConnection(keysDatabase))
        {
            await db.OpenAsync(ct);
            key = (await keys.CreateAsync(db, "acme", ct)).Key;
        }

        // Requests in turn: the query, the valid key, a key that was never issued.
        string[] paths = ["/outage/relations", "/outage/partner", "/outage/partner"];
        string?[] sentKeys = [null, key, "bk_nothere_" + new string('x', 43)];

        // Four clients request continuously through every phase; each answer is recorded with the phase it ended in.
        var answers = new ConcurrentQueue<(string Phase, int Kind, HttpStatusCode Status, string Body, bool RetryAfter)>();
        string phase = "up";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task[] clients = Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
        {
            for (int turn = client; !stop.IsCancellationRequested; turn++)
            {
                try
                {
                    int kind = turn % paths.Length;
                    using var request = new HttpRequestMessage(HttpMethod.Get, paths[kind]);
                    if (sentKeys[kind] is { } sent)
                    {
                        request.Headers.Add("X-Api-Key", sent);
                    }

                    using HttpResponseMessage response = await host.Client.SendAsync(request, stop.Token);
                    string body = await response.Content.ReadAsStringAsync(stop.Token);
                    answers.Enqueue((Volatile.Read(ref phase), kind, response.StatusCode, body, response.Headers.RetryAfter is not null));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            }
        }, ct)).ToArray();

        await Task.Delay(1000, ct);
        await cluster.StopAsync();
        Volatile.Write(ref phase, "stopping");
        await Task.Delay(1000, ct); // the documented bound for API-key caches to notice the lost notification channel
        Volatile.Write(ref phase, "down");
        await Task.Delay(3000, ct);
        Volatile.Write(ref phase, "restarting");
        await cluster.StartAsync();

        // Recovery without a restart of the app: bounded at 30 s.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30)
               && !(answers.Any(a => a.Phase == "restarting" && a.Kind == 0 && a.Status == HttpStatusCode.OK)
                    && answers.Any(a => a.Phase == "restarting" && a.Kind == 1 && a.Status == HttpStatusCode.OK)))
        {
            await Task.Delay(100, ct);
        }

        Volatile.Write(ref phase, "recovered");
        await Task.Delay(1000, ct);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        string tally = string.Join(", ", answers.GroupBy(a => (a.Phase, a.Kind, a.Status)).Select(g => $"{g.Key.Phase} #{g.Key.Kind} {(int)g.Key.Status}: {g.Count()}"));
        HttpStatusCode[] allowed = [HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Unauthorized];
        Assert.True(answers.All(a => allowed.Contains(a.Status)), "only 200, 401 and 503: " + tally);
        Assert.True(answers.Where(a => a.Kind == 2).All(a => a.Status != HttpStatusCode.OK), "a key never issued was accepted: " + tally);
        Assert.True(answers.Where(a => a.Kind != 2).All(a => a.Status != HttpStatusCode.Unauthorized), "a valid key was called bad: " + tally);
        foreach (int kind in new[] { 0, 1 })
        {
            Assert.Contains(answers, a => a.Phase == "up" && a.Kind == kind && a.Status == HttpStatusCode.OK);
            Assert.Contains(answers, a => a.Phase == "down" && a.Kind == kind);
            Assert.True(answers.Where(a => a.Phase == "down" && a.Kind == kind).All(a => a.Status == HttpStatusCode.ServiceUnavailable), tally);
            Assert.True(answers.Any(a => a.Phase == "restarting" && a.Kind == kind && a.Status == HttpStatusCode.OK), "no 200 within 30 s of the database's return: " + tally);
            Assert.True(answers.Where(a => a.Phase == "recovered" && a.Kind == kind).All(a => a.Status == HttpStatusCode.OK), tally);
        }

        var unavailable = answers.First(a => a.Kind == 0 && a.Status == HttpStatusCode.ServiceUnavailable);
        Assert.True(unavailable.RetryAfter, "a 503 says when to retry");
        Assert.Contains("\"status\":503", unavailable.Body, StringComparison.Ordinal);
        Assert.Contains("The database is unavailable", unavailable.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", unavailable.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", unavailable.Body, StringComparison.Ordinal);
        Assert.True(answers.First(a => a.Kind == 1 && a.Status == HttpStatusCode.ServiceUnavailable).RetryAfter, "the API-key 503 says when to retry");
    }
}
