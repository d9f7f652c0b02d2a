using System;

namespace Bastion;

/// <summary>
/// Generated endpoints refuse cross-site requests before binding: unsafe verbs must pass the Fetch Metadata /
/// Origin checks and carry a valid antiforgery token in the <c>X-CSRF-TOKEN</c> header, whatever the body's
/// content type. On a class, applies to every endpoint in it (unless <see cref="CsrfExemptAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CsrfProtectedAttribute : Attribute;

/// <summary>An endpoint that deliberately takes unsafe requests without CSRF checks; the reason is shown in the security manifest.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CsrfExemptAttribute(string reason) : Attribute
{
    /// <summary>Why the endpoint needs no CSRF protection (for example "machine-to-machine, API key only").</summary>
    public string Reason { get; } = reason;
}
