using System;

namespace Bastion;

/// <summary>Maps the method as an HTTP DELETE endpoint generated at compile time.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class DeleteAttribute : HttpEndpointAttribute
{
    /// <summary>Maps the method to DELETE <paramref name="route"/>.</summary>
    public DeleteAttribute(string route) : base(route) { }
}
