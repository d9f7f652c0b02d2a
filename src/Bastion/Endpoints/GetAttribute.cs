using System;

namespace Bastion;

/// <summary>Maps the method as an HTTP GET endpoint generated at compile time.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class GetAttribute : HttpEndpointAttribute
{
    /// <summary>Maps the method to GET <paramref name="route"/>.</summary>
    public GetAttribute(string route) : base(route) { }
}
