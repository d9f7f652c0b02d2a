// family: secrets
// verdict: safe
// why: The connection string literal has no credentials and the password comes from a [Secret] options member; the built string is only given to the driver.
using Bastion;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Corpus.Secrets.S08;

[BastionOptions("Reporting")]
public sealed partial class ReportingDbOptions
{
    public string Host { get; set; } = "";

    [Secret]
    public string Password { get; set; } = "";
}

public sealed class ReportingDatabase(IOptions<ReportingDbOptions> options)
{
    public NpgsqlConnection Open()
    {
        var builder = new NpgsqlConnectionStringBuilder("Database=reporting;Username=report_reader;SSL Mode=Require")
        {
            Host = options.Value.Host,
            Password = options.Value.Password,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }
}
