using System;
using System.Data.Common;
using Bastion.Options;
using Bastion.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bastion.Data;

/// <summary>
/// <c>Bastion:Database</c>: the connection string without credentials, and the password as a secret of its own
/// (from the environment or a secrets directory, so it can be rotated by replacing one file). A password inside the
/// connection string is refused at start-up.
/// </summary>
public sealed class DatabaseOptions : IBastionOptions<DatabaseOptions>
{
    /// <summary>Everything but the password, for example <c>Host=db;Username=app;Database=shop</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The database password (a secret).</summary>
    [Secret]
    public string? Password { get; set; }

    static string IBastionOptions<DatabaseOptions>.ConfigurationSection => "Bastion:Database";

    static DatabaseOptions IBastionOptions<DatabaseOptions>.BindFrom(IConfiguration section, ref ValidationCollector errors)
        => new() { ConnectionString = section["ConnectionString"] ?? string.Empty, Password = section["Password"] };

    static void IBastionOptions<DatabaseOptions>.Check(DatabaseOptions value, bool development, ref ValidationCollector errors)
    {
        if (string.IsNullOrWhiteSpace(value.ConnectionString))
        {
            errors.Add("ConnectionString", "is required.");
        }
        else
        {
            var parsed = new DbConnectionStringBuilder();
            try
            {
                parsed.ConnectionString = value.ConnectionString;
                if (parsed.ContainsKey("Password") || parsed.ContainsKey("Pwd"))
                {
                    errors.Add("ConnectionString", "contains a password; put it under Bastion:Database:Password (a secret) instead.");
                }
            }
            catch (ArgumentException)
            {
                errors.Add("ConnectionString", "is not a valid connection string.");
            }
        }

        SecretChecks.Check(value.Password, "Password", 0, 0, development, ref errors);
    }

    /// <summary>Shows the connection string, never the password.</summary>
    public override string ToString() => $"DatabaseOptions {{ ConnectionString = {ConnectionString}, Password = *** }}";
}

/// <summary>
/// New connections built from the current <see cref="DatabaseOptions"/>: when the password changes (a reloaded
/// secrets file), the next connection uses it; connections already open are not touched and finish their work.
/// </summary>
public sealed class DbConnectionFactory(IOptionsMonitor<DatabaseOptions> options, Func<string, DbConnection> create)
{
    /// <summary>A new, closed connection with the current credentials.</summary>
    public DbConnection Create()
    {
        DatabaseOptions current = options.CurrentValue;
        var builder = new DbConnectionStringBuilder { ConnectionString = current.ConnectionString };
        builder["Password"] = current.Password;
        return create(builder.ConnectionString);
    }
}

/// <summary>Registration of the connection factory.</summary>
public static class DatabaseExtensions
{
    /// <summary>
    /// Binds <see cref="DatabaseOptions"/> (checked at start-up and on reload) and registers <see cref="DbConnectionFactory"/>,
    /// which calls <paramref name="create"/> (for example <c>cs => new NpgsqlConnection(cs)</c>) with the full connection string.
    /// </summary>
    public static IHostApplicationBuilder AddBastionDatabase(this IHostApplicationBuilder builder, Func<string, DbConnection> create)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        builder.AddBastionOptions<DatabaseOptions>();
        builder.Services.AddSingleton(provider => new DbConnectionFactory(provider.GetRequiredService<IOptionsMonitor<DatabaseOptions>>(), create));
        return builder;
    }
}
