// family: secrets
// verdict: vulnerable
// sink-line: 18
// why: The connection string builder gets its password from a literal, so the reporting database password is in the code.
using Npgsql;

namespace Corpus.Secrets.V25;

public static class ReportingDatabase
{
    public static NpgsqlDataSource Create(string host)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Database = "reporting",
            Username = "report_reader",
            Password = "R3port-Re4der-2024",
            SslMode = SslMode.Require,
        };
        return NpgsqlDataSource.Create(builder);
    }
}
