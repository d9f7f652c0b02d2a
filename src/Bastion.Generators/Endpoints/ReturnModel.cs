namespace Bastion.Generators.Endpoints;

/// <summary>
/// The handler's return: <see cref="Awaitable"/> is "Task", "ValueTask" or null; <see cref="ValueTypeName"/>
/// is the unwrapped value type (null for <see cref="ReturnKind.Nothing"/>).
/// <see cref="ProvidesMetadata"/> is true when that type implements IEndpointMetadataProvider.
/// </summary>
internal sealed record ReturnModel(ReturnKind Kind, string? Awaitable, string DeclaredTypeName, string? ValueTypeName, bool ProvidesMetadata);
