using Bastion.Generators.Shared;
using Bastion.Generators.Validation;

namespace Bastion.Generators.Options;

/// <summary>How one value is read from configuration.</summary>
internal enum OptionsValueKind
{
    Text,
    Number,
    Parsable,
    Enum,
    Uri,
    Object,
    Unsupported,
}

/// <summary>How a member holds its values.</summary>
internal enum OptionsCollectionKind
{
    None,
    Array,
    List,
    Dictionary,
}

/// <summary>
/// One bound property. For collections <see cref="ValueKind"/> and <see cref="ValueTypeName"/> describe the items
/// (dictionary values). <see cref="BindMethod"/> names the generated method for object values.
/// </summary>
internal sealed record OptionsMemberModel(
    string Name,
    string TypeName,
    OptionsValueKind ValueKind,
    string ValueTypeName,
    OptionsCollectionKind Collection,
    bool Settable,
    string? BindMethod);

/// <summary>A secret member and its limits.</summary>
internal sealed record SecretMemberModel(string Name, int MinLength, int MinBytes);

/// <summary>A nested object member whose type holds secrets (checked recursively).</summary>
internal sealed record SecretChildModel(string Name, string CheckMethod);

/// <summary>A type the binding walks: its bind method, members, and its secrets.</summary>
internal sealed record OptionsTypeModel(
    string TypeName,
    string ShortName,
    string BindMethod,
    EquatableArray<OptionsMemberModel> Members,
    string? SecretCheckMethod,
    EquatableArray<SecretMemberModel> Secrets,
    EquatableArray<SecretChildModel> SecretChildren);

/// <summary>A type whose ToString/PrintMembers Bastion writes so secrets print as <c>***</c>.</summary>
internal sealed record RedactedTypeModel(
    string? Namespace,
    string Keyword,
    string Name,
    string PrintKind,
    EquatableArray<string> Members,
    EquatableArray<string> SecretMembers);

/// <summary>A [BastionOptions] type with everything its binding, checks and redaction need.</summary>
internal sealed record OptionsClassModel(
    string? Namespace,
    string Keyword,
    string ClassName,
    string FullyQualifiedName,
    string Section,
    EquatableArray<OptionsTypeModel> Types,
    EquatableArray<ValidatedTypeModel> ValidatedTypes,
    string? ValidationMethod,
    EquatableArray<RedactedTypeModel> Redacted,
    NameScope? Scope = null)
{
    public string HintName => (Namespace is null ? ClassName : Namespace + "." + ClassName);
}

/// <summary>Parser output: a model (null on errors) and diagnostics.</summary>
internal sealed record OptionsParseResult(OptionsClassModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
