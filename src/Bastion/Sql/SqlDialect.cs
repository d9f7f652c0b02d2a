namespace Bastion.Sql;

/// <summary>How identifiers are quoted and collections passed, by provider.</summary>
public enum SqlDialect
{
    /// <summary>Double-quoted identifiers (SQLite and unknown providers).</summary>
    Standard,

    /// <summary>PostgreSQL (Npgsql): double quotes; collections may be passed as arrays to <c>= ANY(@p)</c>.</summary>
    PostgreSql,

    /// <summary>SQL Server: [bracketed] identifiers.</summary>
    SqlServer,

    /// <summary>MySQL/MariaDB: `backtick` identifiers.</summary>
    MySql,
}
