using Bastion.Generators.Shared;

namespace Bastion.Generators.Validation;

/// <summary>
/// A request type with members to sanitize or validate. <see cref="MethodName"/> names the generated
/// method that processes one instance; <see cref="IsRecordLike"/> means sanitized values are written
/// back with a <c>with</c> expression, otherwise through setters. <see cref="CanChange"/> is false when processing
/// never produces a new value (no sanitizing or path resolution anywhere inside), so nothing is written back.
/// </summary>
internal sealed record ValidatedTypeModel(
    string TypeName,
    string MethodName,
    bool IsValueType,
    bool IsRecordLike,
    EquatableArray<ValidatedMemberModel> Members,
    bool CanChange = true);
