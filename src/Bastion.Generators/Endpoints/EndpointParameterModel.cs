using Bastion.Generators.Shared;
using Bastion.Generators.Validation;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// One handler parameter. <see cref="TypeName"/> is the declared type (fully qualified, with nullable
/// annotation); <see cref="ValueTypeName"/> is the type parsed from text (the underlying type of a
/// nullable value type). <see cref="DefaultValue"/> is a C# expression when the parameter is optional.
/// <see cref="Rules"/> are DataAnnotations checks on a route, query, header or form value. <see cref="FormBinder"/> names the
/// generated method that reads a [FromForm] record field by field.
/// </summary>
internal sealed record EndpointParameterModel(
    string Name,
    string TypeName,
    string ValueTypeName,
    ParameterSource Source,
    string BindingName,
    ValueParseKind ParseKind,
    bool IsOptional,
    string? DefaultValue,
    string? ValidatorMethod,
    EquatableArray<ValidationRuleModel> Rules = default,
    SafePathModel? SafePath = null,
    string? FormBinder = null);
