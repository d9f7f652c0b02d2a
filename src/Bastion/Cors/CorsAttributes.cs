using System;

namespace Bastion;

/// <summary>
/// Declares a CORS policy for the app. Bastion's generator checks every literal at compile time (BAS1501–BAS1504):
/// origins must be serialized origins as browsers send them (<c>https://app.example.com</c>, lower case, no path,
/// no trailing slash, no default port), <c>*</c> never goes with credentials, methods and headers are listed, never
/// wildcards. The policy named <c>default</c> applies to every endpoint without <see cref="CorsAttribute"/>; others
/// apply where <see cref="CorsAttribute"/> names them. A policy of the same name under <c>Bastion:Cors:Policies</c>
/// in configuration replaces this one (and is checked by the same rules at start-up).
/// </summary>
/// <example><code>[assembly: CorsPolicy("https://app.example.com", Methods = ["GET", "POST"], Headers = ["Content-Type", "X-CSRF-TOKEN"], AllowCredentials = true)]</code></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class CorsPolicyAttribute(params string[] origins) : Attribute
{
    /// <summary>The origins allowed to read responses, or the single value <c>*</c> for a public API without credentials.</summary>
    public string[] Origins { get; } = origins;

    /// <summary>The policy name; <c>default</c> when omitted.</summary>
    public string Name { get; set; } = "default";

    /// <summary>Methods allowed in preflight; default GET, HEAD, POST (those browsers send without preflight).</summary>
    public string[]? Methods { get; set; }

    /// <summary>Request headers allowed in preflight beyond the CORS-safelisted ones (for example Content-Type for JSON, X-CSRF-TOKEN).</summary>
    public string[]? Headers { get; set; }

    /// <summary>Response headers scripts on the allowed origins may read.</summary>
    public string[]? ExposedHeaders { get; set; }

    /// <summary>Whether cookies and HTTP authentication travel with cross-origin requests.</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>How long browsers may cache a preflight answer; 0 sends no Access-Control-Max-Age. Default 600.</summary>
    public int MaxAgeSeconds { get; set; } = 600;
}

/// <summary>Applies the named CORS policy (declared with <see cref="CorsPolicyAttribute"/> or under <c>Bastion:Cors:Policies</c>) to an endpoint or to every endpoint of a class.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CorsAttribute(string policyName) : Attribute
{
    /// <summary>The policy's name.</summary>
    public string PolicyName { get; } = policyName;
}
