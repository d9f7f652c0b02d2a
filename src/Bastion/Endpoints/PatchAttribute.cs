using System;

namespace Bastion;

/// <summary>Maps the method as an HTTP PATCH endpoint generated at compile time.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class PatchAttribute : HttpEndpointAttribute
{
    /// <summary>Maps the method to PATCH <paramref name="route"/>.</summary>
    public PatchAttribute(string route) : base(route) { }
}
