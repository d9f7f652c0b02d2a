namespace Bastion.Generators.Endpoints;

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
