using System.Data;
using Microsoft.Data.Sqlite;

namespace Bastion.Samples.Api;

/// <summary>
/// The sample's SQLite connections, set up for a web server's concurrent writes: write-ahead logging (readers do not
/// block the writer; set once, kept in the file) and a busy timeout on every connection, so a write that meets another
/// waits for it instead of failing with "database is locked" (which a 200-connection load test produced otherwise).
/// </summary>
public static class SampleDatabase
{
    /// <summary>How long a statement waits for another connection's write to finish: 5 s.</summary>
    private const string BusyTimeout = "PRAGMA busy_timeout = 5000;";

    public static SqliteConnection Connect(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.StateChange += static (sender, change) =>
        {
            if (change.CurrentState == ConnectionState.Open && sender is SqliteConnection opened)
            {
                using SqliteCommand pragma = opened.CreateCommand();
                pragma.CommandText = BusyTimeout;
                pragma.ExecuteNonQuery();
            }
        };
        return connection;
    }

    /// <summary>Switches the database file to write-ahead logging (a no-op for in-memory databases).</summary>
    public static void UseWriteAheadLog(SqliteConnection connection)
    {
        using SqliteCommand pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
    }
}
