using Bastion.Generators.Shared;

namespace Bastion.Generators.Validation;

/// <summary>
/// One member of a validated type. For collections, <see cref="ElementShape"/>,
/// <see cref="ElementTypeName"/> and <see cref="ElementMethod"/> describe the items; rules in
/// <see cref="Rules"/> apply to the member itself (count rules for collections), sanitization to
/// the text or to every text item.
/// </summary>
internal sealed record ValidatedMemberModel(
    string Name,
    string JsonName,
    string TypeName,
    MemberShape Shape,
    bool IsNullable,
    string? NestedMethod,
    CollectionKind Collection,
    MemberShape ElementShape,
    string? ElementTypeName,
    bool ElementIsNullable,
    string? ElementMethod,
    SanitizeModel? Sanitize,
    EquatableArray<ValidationRuleModel> Rules,
    int SafePathIndex = -1);
