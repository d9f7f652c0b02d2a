using System;

namespace Bastion;

/// <summary>
/// Limits of a form endpoint (one with <c>[FromForm]</c> or <c>IFormFile</c> parameters) beyond its body size, which stays
/// the verb attribute's <see cref="HttpEndpointAttribute.MaxRequestBodySize"/>. Each refusal is a 413 problem naming the
/// limit. On an endpoint that reads no form, the attribute is a compile error (BAS1019): it would change nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class FormLimitsAttribute : Attribute
{
    /// <summary>
    /// Most fields (name/value pairs and multipart parts, bound or not) one request may carry; zero means
    /// <see cref="Forms.FormBodyLimits.DefaultMaxFields"/>.
    /// </summary>
    public int MaxFields { get; set; }

    /// <summary>Longest value of a bound field, in characters; zero means <see cref="Forms.FormBodyLimits.DefaultMaxValueLength"/>.</summary>
    public int MaxValueLength { get; set; }

    /// <summary>Largest uploaded file, in bytes; zero means the body size. Only on endpoints with an upload.</summary>
    public long MaxFileBytes { get; set; }
}
