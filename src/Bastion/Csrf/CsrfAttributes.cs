using System;

namespace Bastion;

/// <summary>
/// Generated endpoints refuse cross-origin forgeries before binding, whatever the body's content type. Unsafe verbs
/// must pass the Fetch Metadata / Origin checks, plus an antiforgery token in the <c>X-CSRF-TOKEN</c> header where
/// the <see cref="CsrfMode"/> asks for one. Without a mode the endpoint follows <c>Bastion:Csrf:Mode</c> (default
/// <see cref="CsrfMode.Origin"/>); with one it is pinned to it. On a class, applies to every endpoint in it (unless
/// <see cref="CsrfExemptAttribute"/>); a method's attribute without a mode keeps its class's mode.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CsrfProtectedAttribute : Attribute
{
    /// <summary>Protects with the configured mode (<c>Bastion:Csrf:Mode</c>, default <see cref="CsrfMode.Origin"/>).</summary>
    public CsrfProtectedAttribute()
    {
    }

    /// <summary>Protects with <paramref name="mode"/>, whatever <c>Bastion:Csrf:Mode</c> says.</summary>
    public CsrfProtectedAttribute(CsrfMode mode) => Mode = mode;

    /// <summary>The pinned mode, or null when the endpoint follows <c>Bastion:Csrf:Mode</c>.</summary>
    public CsrfMode? Mode { get; }
}

/// <summary>An endpoint that deliberately takes unsafe requests without CSRF checks; the reason is shown in the security manifest.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CsrfExemptAttribute(string reason) : Attribute
{
    /// <summary>Why the endpoint needs no CSRF protection (for example "machine-to-machine, API key only").</summary>
    public string Reason { get; } = reason;
}
