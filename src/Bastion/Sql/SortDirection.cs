namespace Bastion.Sql;

/// <summary>A sort direction for a <c>[SqlIdentifier]</c> placeholder: written as the keyword ASC or DESC.</summary>
public enum SortDirection
{
    /// <summary>ASC</summary>
    Ascending,

    /// <summary>DESC</summary>
    Descending,
}
