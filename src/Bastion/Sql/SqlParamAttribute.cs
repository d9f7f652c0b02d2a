using System;
using System.Data;

namespace Bastion;

/// <summary>
/// A value passed to a <see cref="SqlAttribute"/> statement as a typed parameter named like the method
/// parameter (or <see cref="Name"/>). The DbType comes from the C# type unless <see cref="DbType"/> is set.
/// A collection (<c>IEnumerable&lt;T&gt;</c>) is expanded for <c>IN @name</c> / <c>IN (@name)</c>, or passed as
/// one array for PostgreSQL's <c>= ANY(@name)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class SqlParamAttribute : Attribute
{
    /// <summary>The placeholder name without '@' (default: the parameter name).</summary>
    public string? Name { get; set; }

    /// <summary>The parameter's DbType; unset means derived from the C# type.</summary>
    public DbType DbType { get; set; } = (DbType)(-1);

    /// <summary>Longest string (characters) or byte array accepted; longer values are refused before the command runs. Also the parameter's Size.</summary>
    public int MaxLength { get; set; }

    /// <summary>Decimal precision (0: provider default).</summary>
    public byte Precision { get; set; }

    /// <summary>Decimal scale (0: provider default).</summary>
    public byte Scale { get; set; }

    /// <summary>Most items a collection may expand to (default 1000); more is refused with a clear error.</summary>
    public int MaxItems { get; set; } = 1000;
}
