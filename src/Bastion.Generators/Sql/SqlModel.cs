using Bastion.Generators.Shared;

namespace Bastion.Generators.Sql;

/// <summary>What the method returns and how it is read.</summary>
internal enum SqlReturnKind
{
    Nothing,
    RowsAffected,
    List,
    Stream,
    FirstOrDefault,
    Single,
    Scalar,
}

/// <summary>
/// A [Sql] method: everything the emitter needs, as plain data. <see cref="FixedColumns"/>: the statement returns rows
/// and names its columns itself (no <c>*</c>, no <c>{identifier}</c> placeholder), so every result has the same columns
/// in the same order and the column-to-member match can be made once and reused.
/// </summary>
internal sealed record SqlMethodModel(
    string? Namespace,
    string ContainingTypeDeclaration,
    string ContainingTypeName,
    string MethodDeclaration,
    string MethodName,
    string ConnectionName,
    string? TransactionName,
    string? CancellationTokenName,
    string? CommandTimeoutName,
    int CommandTimeoutSeconds,
    string SqlAsWritten,
    EquatableArray<SqlPiece> Pieces,
    EquatableArray<SqlParameterModel> Parameters,
    EquatableArray<SqlIdentifierModel> Identifiers,
    SqlReturnKind ReturnKind,
    string? ElementTypeName,
    SqlRowModel? Row,
    SqlValueModel? Scalar,
    string HintName,
    bool FixedColumns = false,
    NameScope? Scope = null)
{
    public string Display => ContainingTypeName + "." + MethodName;

    /// <summary>The static field caching this method's column ordinals (only when <see cref="FixedColumns"/>).</summary>
    public string ColumnsField => "__" + MethodName + "SqlColumns";
}

/// <summary>How a value is read from a column.</summary>
/// <param name="TypeName">The C# type read, without nullability (the enum's underlying type for enums).</param>
/// <param name="ResultTypeName">The member's type as declared.</param>
/// <param name="Nullability">0: required; 1: nullable value type; 2: nullable reference type.</param>
/// <param name="EnumTypeName">For enums, the enum type to cast to.</param>
internal sealed record SqlValueModel(string TypeName, string ResultTypeName, int Nullability, string? EnumTypeName);

/// <summary>A [SqlParam]: placeholder name, how the value is passed.</summary>
internal sealed record SqlParameterModel(
    string Placeholder,
    string Identifier,
    string TypeName,
    string DbType,
    int MaxLength,
    byte Precision,
    byte Scale,
    bool IsCollection,
    string? ElementTypeName,
    SqlListStyle ListStyle,
    int MaxItems,
    string ValueExpression,
    bool IsString,
    bool IsBytes);

/// <summary>A [SqlIdentifier] enum parameter and the literal each member stands for.</summary>
internal sealed record SqlIdentifierModel(string Placeholder, string Identifier, string EnumTypeName, bool IsKeyword, EquatableArray<SqlIdentifierChoice> Choices);

/// <summary>One enum member and its identifier (or keyword).</summary>
internal sealed record SqlIdentifierChoice(string Member, string Sql);

/// <summary>
/// A row type and where its one reader goes: construct through a constructor (positional records) or an object
/// initializer. Every method returning the type shares the reader, so nothing here depends on a method.
/// </summary>
/// <param name="ReaderNamespace">The namespace the reader is declared in (the row type's), or null for the global one.</param>
/// <param name="HostDeclaration">
/// For a row type only its enclosing class can see (private or protected), that class's partial declaration: the
/// reader is nested there. Null: the reader is a top-level internal class.
/// </param>
/// <param name="HostName">The enclosing class's name when <paramref name="HostDeclaration"/> is set.</param>
/// <param name="ReaderName">The reader class's name, e.g. <c>CommentRowSqlReader</c>.</param>
internal sealed record SqlRowModel(
    string TypeName,
    bool UseConstructor,
    EquatableArray<SqlRowMember> Members,
    string? ReaderNamespace,
    string? HostDeclaration,
    string? HostName,
    string ReaderName)
{
    /// <summary>How a generated [Sql] method names the reader: fully qualified, or by name inside its host.</summary>
    public string ReaderReference => HostName is not null ? ReaderName
        : "global::" + (ReaderNamespace is null ? string.Empty : ReaderNamespace + ".") + ReaderName;

    /// <summary>Unique per reader in one compilation (the reader's full name).</summary>
    public string HintName => (ReaderNamespace is null ? string.Empty : ReaderNamespace + ".") + (HostName is null ? string.Empty : HostName + ".") + ReaderName;
}

/// <summary>A row member and how it is read.</summary>
internal sealed record SqlRowMember(string Name, SqlValueModel Value);

/// <summary>The parser's output for one method.</summary>
internal sealed record SqlParseResult(SqlMethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, PartialMethodStub? Stub = null);
