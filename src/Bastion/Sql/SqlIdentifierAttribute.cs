using System;

namespace Bastion;

/// <summary>
/// An enum parameter that picks an identifier (ORDER BY column) or a sort direction for a <c>{name}</c>
/// placeholder: SQL cannot parameterise those. Each enum member maps to the identifier in its
/// <see cref="SqlNameAttribute"/>, else its name in snake_case; the generated code switches over the enum into
/// a literal identifier quoted for the connection's dialect, and throws for any other value before a command
/// is built. <see cref="Sql.SortDirection"/> maps to the keywords ASC and DESC.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class SqlIdentifierAttribute : Attribute;

/// <summary>The SQL identifier an enum member stands for (letters, digits, '_', optionally "table.column").</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class SqlNameAttribute(string name) : Attribute
{
    /// <summary>The identifier.</summary>
    public string Name { get; } = name;
}
