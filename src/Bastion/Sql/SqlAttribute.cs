using System;

namespace Bastion;

/// <summary>
/// Implements a <c>static partial</c> data-access method on plain ADO.NET: <c>@name</c> placeholders become typed
/// parameters (one per <see cref="SqlParamAttribute"/> parameter), <c>{name}</c> placeholders become quoted
/// identifiers chosen from an enum (<see cref="SqlIdentifierAttribute"/>), and rows are read into the return type
/// by a generated ordinal reader, one per row type. The SQL text is a compile-time constant; values are never
/// spliced into it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class SqlAttribute : Attribute
{
    /// <param name="sql">The statement, with <c>@parameter</c> and <c>{identifier}</c> placeholders.</param>
    public SqlAttribute(string sql) => Sql = sql;

    /// <summary>The statement as written.</summary>
    public string Sql { get; }

    /// <summary>Command timeout in seconds when the method has no <c>int? commandTimeout</c> parameter; 0 means the provider's default.</summary>
    public int CommandTimeoutSeconds { get; set; }
}
