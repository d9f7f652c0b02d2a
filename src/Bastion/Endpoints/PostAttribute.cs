using System;

namespace Bastion;

/// <summary>Maps the method as an HTTP POST endpoint generated at compile time.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class PostAttribute : HttpEndpointAttribute
{
    /// <summary>Maps the method to POST <paramref name="route"/>.</summary>
    public PostAttribute(string route) : base(route) { }
}
