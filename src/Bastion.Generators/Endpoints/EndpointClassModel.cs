using Bastion.Generators.Shared;
using Bastion.Generators.Validation;

namespace Bastion.Generators.Endpoints;

/// <summary>A [BastionEndpoints] class: everything the emitter needs, as plain data.</summary>
internal sealed record EndpointClassModel(
    string? Namespace,
    string ClassName,
    string FullyQualifiedName,
    string? Prefix,
    EquatableArray<EndpointModel> Endpoints,
    EquatableArray<ValidatedTypeModel> ValidatedTypes,
    EquatableArray<SafePathMemberModel> BodyPaths,
    NameScope Scope,
    EquatableArray<FormTypeModel> FormTypes = default)
{
    /// <summary>File name stem for the generated source, unique per class.</summary>
    public string HintName => (Namespace is null ? ClassName : Namespace + "." + ClassName).Replace('<', '_').Replace('>', '_');
}
