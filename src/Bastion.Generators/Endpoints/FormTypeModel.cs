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
