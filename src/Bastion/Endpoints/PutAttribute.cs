using System;

namespace Bastion;

/// <summary>Maps the method as an HTTP PUT endpoint generated at compile time.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class PutAttribute : HttpEndpointAttribute
{
    /// <summary>Maps the method to PUT <paramref name="route"/>.</summary>
    public PutAttribute(string route) : base(route) { }
}
