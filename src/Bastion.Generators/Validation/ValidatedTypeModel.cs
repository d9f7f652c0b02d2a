using Bastion.Generators.Shared;

namespace Bastion.Generators.Validation;

/// <summary>
/// A request type with members to sanitize or validate. <see cref="MethodName"/> names the generated
/// method that processes one instance; <see cref="IsRecordLike"/> means sanitized values are written
/// back with a <c>with</c> expression, otherwise through setters.
/// </summary>
internal sealed record ValidatedTypeModel(
    string TypeName,
    string MethodName,
    bool IsValueType,
    bool IsRecordLike,
    EquatableArray<ValidatedMemberModel> Members);
