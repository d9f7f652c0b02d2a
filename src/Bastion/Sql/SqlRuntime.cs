using System;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Bastion.Sql;

/// <summary>
/// Small helpers the code generated for <see cref="SqlAttribute"/> methods calls: dialect detection, identifier
/// quoting, typed parameters, <c>IN</c> list expansion and column reads with errors that name the column and
/// member. Public so hand-written data access can use the same pieces.
/// </summary>
public static class SqlRuntime
{
    /// <summary>The dialect of <paramref name="connection"/>, from its type name (no reflection beyond that).</summary>
    public static SqlDialect DialectOf(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.GetType().FullName switch
        {
            "Npgsql.NpgsqlConnection" => SqlDialect.PostgreSql,
            "Microsoft.Data.SqlClient.SqlConnection" or "System.Data.SqlClient.SqlConnection" => SqlDialect.SqlServer,
            "MySqlConnector.MySqlConnection" or "MySql.Data.MySqlClient.MySqlConnection" => SqlDialect.MySql,
            _ => SqlDialect.Standard,
        };
    }

    /// <summary>
    /// Quotes an identifier (or "table.column") for <paramref name="dialect"/>. Only letters, digits and '_' are
    /// accepted in each part; the generator checks the same at compile time.
    /// </summary>
    public static string QuoteIdentifier(SqlDialect dialect, string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        var quoted = new StringBuilder(identifier.Length + 8);
        foreach (string part in identifier.Split('.'))
        {
            if (part.Length == 0 || char.IsAsciiDigit(part[0]) || !part.AsSpan().ContainsOnlyIdentifierCharacters())
            {
                throw new ArgumentException("Not a plain SQL identifier.", nameof(identifier));
            }

            if (quoted.Length > 0)
            {
                quoted.Append('.');
            }

            _ = dialect switch
            {
                SqlDialect.SqlServer => quoted.Append('[').Append(part).Append(']'),
                SqlDialect.MySql => quoted.Append('`').Append(part).Append('`'),
                _ => quoted.Append('"').Append(part).Append('"'),
            };
        }

        return quoted.ToString();
    }

    /// <summary>
    /// A command for <paramref name="sql"/> on <paramref name="connection"/>, in <paramref name="transaction"/>, with
    /// the timeout when one is given (otherwise the provider's default). Generated methods add their parameters,
    /// run it on the provider and dispose it themselves.
    /// </summary>
    public static DbCommand CreateCommand(DbConnection connection, string sql, DbTransaction? transaction, int? commandTimeout)
    {
        ArgumentNullException.ThrowIfNull(connection);
        DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        if (transaction is not null)
        {
            command.Transaction = transaction;
        }

        if (commandTimeout is { } seconds)
        {
            command.CommandTimeout = seconds;
        }

        return command;
    }

    /// <summary>Opens <paramref name="connection"/> when it is closed; true when the caller must close it again.</summary>
    public static System.Threading.Tasks.ValueTask<bool> OpenIfClosedAsync(DbConnection connection, System.Threading.CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // Not async itself: an open connection (the usual case) costs a state check, no state machine.
        return connection.State == ConnectionState.Closed ? OpenAsync(connection, cancellationToken) : new System.Threading.Tasks.ValueTask<bool>(false);

        static async System.Threading.Tasks.ValueTask<bool> OpenAsync(DbConnection connection, System.Threading.CancellationToken cancellationToken)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>
    /// Adds one typed input parameter; null becomes DBNull. Name it as the statement writes it (<c>@id</c>): every
    /// provider accepts that, and Microsoft.Data.Sqlite binds it directly instead of trying prefixes.
    /// </summary>
    public static void AddParameter(DbCommand command, string name, DbType type, object? value, int size = 0, byte precision = 0, byte scale = 0)
    {
        ArgumentNullException.ThrowIfNull(command);
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        if (size != 0)
        {
            parameter.Size = size;
        }

        if (precision != 0)
        {
            parameter.Precision = precision;
            parameter.Scale = scale;
        }

        command.Parameters.Add(parameter);
    }

    /// <summary>Refuses a string longer than <paramref name="maxLength"/> before any command runs.</summary>
    public static void CheckLength(string? value, int maxLength, string parameter, string query)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw new ArgumentException($"{query}: '{parameter}' is longer than the {maxLength.ToString(CultureInfo.InvariantCulture)} characters its [SqlParam(MaxLength)] allows.", parameter);
        }
    }

    /// <summary>Refuses a byte array longer than <paramref name="maxLength"/> before any command runs.</summary>
    public static void CheckLength(byte[]? value, int maxLength, string parameter, string query)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw new ArgumentException($"{query}: '{parameter}' is longer than the {maxLength.ToString(CultureInfo.InvariantCulture)} bytes its [SqlParam(MaxLength)] allows.", parameter);
        }
    }

    /// <summary>
    /// The parenthesised list of numbered placeholders for an <c>IN</c> over <paramref name="count"/> items
    /// (<c>(@ids0, @ids1)</c>), or <c>(NULL)</c> for none, which matches nothing. Without parentheses when the
    /// statement already has them (<c>IN (@ids)</c>).
    /// </summary>
    public static string InList(string name, int count, int maxItems, string query, bool withParentheses = true)
    {
        if (count > maxItems)
        {
            throw new ArgumentException($"{query}: '{name}' has {count.ToString(CultureInfo.InvariantCulture)} items; its [SqlParam(MaxItems)] allows {maxItems.ToString(CultureInfo.InvariantCulture)}.", name);
        }

        if (count == 0)
        {
            return withParentheses ? "(NULL)" : "NULL";
        }

        var list = new StringBuilder(2 + (count * (name.Length + 5)));
        if (withParentheses)
        {
            list.Append('(');
        }

        for (int i = 0; i < count; i++)
        {
            list.Append(i == 0 ? "@" : ", @").Append(name).Append(i.ToString(CultureInfo.InvariantCulture));
        }

        return (withParentheses ? list.Append(')') : list).ToString();
    }

    /// <summary>
    /// True when a result column stands for a member: names match ignoring case and underscores
    /// (<c>created_at</c> and <c>CreatedAt</c>). Generated readers call it once per column and result.
    /// </summary>
    public static bool ColumnMatches(string column, string member)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(member);
        int c = 0;
        int m = 0;
        while (true)
        {
            while (c < column.Length && column[c] == '_')
            {
                c++;
            }

            while (m < member.Length && member[m] == '_')
            {
                m++;
            }

            if (c == column.Length || m == member.Length)
            {
                return c == column.Length && m == member.Length;
            }

            char a = column[c];
            char b = member[m];
            if (a != b && !(char.IsAsciiLetter(a) && (a | 0x20) == (b | 0x20)) && char.ToUpperInvariant(a) != char.ToUpperInvariant(b))
            {
                return false;
            }

            c++;
            m++;
        }
    }

    /// <summary>The error for a required member the result has no column for (thrown by generated readers).</summary>
    public static SqlMappingException MissingColumn(string query, string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new SqlMappingException($"{query}: the result has no column for member '{member}' (expected a column named like '{member}' or '{SnakeCase(member)}').");
    }

    /// <summary>Reads a non-null value; NULL or an unconvertible value is a <see cref="SqlMappingException"/>.</summary>
    public static T GetRequired<T>(DbDataReader reader, int ordinal, string member, string query)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsDBNull(ordinal))
        {
            throw new SqlMappingException($"{query}: column '{reader.GetName(ordinal)}' is NULL but member '{member}' cannot be null.");
        }

        return Read<T>(reader, ordinal, member, query);
    }

    /// <summary>Reads a value type that may be NULL (or absent: ordinal -1).</summary>
    public static T? GetOptionalValue<T>(DbDataReader reader, int ordinal, string member, string query)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ordinal < 0 || reader.IsDBNull(ordinal) ? null : Read<T>(reader, ordinal, member, query);
    }

    /// <summary>Reads a reference type that may be NULL (or absent: ordinal -1).</summary>
    public static T? GetOptionalReference<T>(DbDataReader reader, int ordinal, string member, string query)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ordinal < 0 || reader.IsDBNull(ordinal) ? null : Read<T>(reader, ordinal, member, query);
    }

    private static T Read<T>(DbDataReader reader, int ordinal, string member, string query)
    {
        try
        {
            // The provider's typed getters are what hand-written code calls; the JIT removes the checks that
            // do not apply to T. Other types go through GetFieldValue<T>.
            if (typeof(T) == typeof(long))
            {
                return (T)(object)reader.GetInt64(ordinal);
            }

            if (typeof(T) == typeof(int))
            {
                return (T)(object)reader.GetInt32(ordinal);
            }

            if (typeof(T) == typeof(string))
            {
                return (T)(object)reader.GetString(ordinal);
            }

            if (typeof(T) == typeof(double))
            {
                return (T)(object)reader.GetDouble(ordinal);
            }

            if (typeof(T) == typeof(bool))
            {
                return (T)(object)reader.GetBoolean(ordinal);
            }

            if (typeof(T) == typeof(decimal))
            {
                return (T)(object)reader.GetDecimal(ordinal);
            }

            return reader.GetFieldValue<T>(ordinal);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException or NotSupportedException)
        {
            throw new SqlMappingException(
                $"{query}: column '{reader.GetName(ordinal)}' ({reader.GetDataTypeName(ordinal)}) cannot be read as {typeof(T).Name} for member '{member}'.", ex);
        }
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static bool ContainsOnlyIdentifierCharacters(this ReadOnlySpan<char> part)
    {
        foreach (char c in part)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
