using System;

namespace Bastion.Sql;

/// <summary>A row could not be read into the declared type: names the query, the column and the member, never a value.</summary>
public sealed class SqlMappingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SqlMappingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
