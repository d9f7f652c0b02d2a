using System;

namespace Bastion;

/// <summary>
/// Marks a <c>static partial</c> class whose <see cref="GetAttribute"/>, <see cref="PostAttribute"/>,
/// <see cref="PutAttribute"/>, <see cref="PatchAttribute"/> and <see cref="DeleteAttribute"/> methods
/// become minimal-API endpoints generated at compile time (binding, validation, sanitization).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class BastionEndpointsAttribute : Attribute
{
    /// <summary>Maps the class's endpoints without a route prefix.</summary>
    public BastionEndpointsAttribute() { }

    /// <summary>Maps the class's endpoints under <paramref name="prefix"/> (for example <c>"/api"</c>).</summary>
    public BastionEndpointsAttribute(string prefix) => Prefix = prefix;

    /// <summary>Route prefix prepended to every endpoint of the class.</summary>
    public string? Prefix { get; }
}
