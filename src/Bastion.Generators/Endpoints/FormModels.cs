using Bastion.Generators.Shared;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// A [FromForm] record and how its generated <see cref="MethodName"/> builds it: the constructor's parameters in order,
/// then the settable members that are not constructor parameters, each from one form field.
/// </summary>
internal sealed record FormTypeModel(
    string TypeName,
    string MethodName,
    EquatableArray<FormFieldModel> ConstructorFields,
    EquatableArray<FormFieldModel> InitializerFields);

/// <summary>
/// One form field bound to a constructor parameter or member (<see cref="MemberName"/>) of a [FromForm] record.
/// <see cref="DefaultValue"/> is a C# expression for a constructor parameter's default. A missing field is an error
/// unless the member is nullable, has a default, or is a bool (which an unchecked checkbox leaves out).
/// </summary>
internal sealed record FormFieldModel(
    string MemberName,
    string FieldName,
    ValueParseKind Kind,
    string ValueTypeName,
    bool IsNullable,
    string? DefaultValue);

/// <summary>The values of a [FormLimits] attribute (0: the default).</summary>
internal sealed record FormLimitsModel(int MaxFields, int MaxValueLength, long MaxFileBytes);
