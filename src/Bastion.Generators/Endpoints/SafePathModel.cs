using Bastion.Generators.Shared;

namespace Bastion.Generators.Endpoints;

/// <summary>[SafePath] on a handler parameter: the root (configuration key or directory) and the options.</summary>
internal sealed record SafePathModel(string Root, bool AllowSubdirectories, EquatableArray<string> AllowedExtensions, bool MustExist);
