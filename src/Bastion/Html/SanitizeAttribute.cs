using System;

namespace Bastion;

/// <summary>
/// Sanitizes a <c>string</c>, <c>string?</c> or collection of strings in a request record before
/// validation and before the handler sees it. See <see cref="HtmlPolicy"/> for the policies.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class SanitizeAttribute : Attribute
{
    /// <summary>Default cap on input length, checked before any parsing.</summary>
    public const int DefaultMaxInputLength = 65536;

    /// <summary>Sanitizes with <see cref="HtmlPolicy.Text"/>.</summary>
    public SanitizeAttribute() : this(HtmlPolicy.Text) { }

    /// <summary>Sanitizes with <paramref name="policy"/>.</summary>
    public SanitizeAttribute(HtmlPolicy policy) => Policy = policy;

    /// <summary>The policy applied.</summary>
    public HtmlPolicy Policy { get; }

    /// <summary>Inputs longer than this many UTF-16 characters are refused with 400 before the sanitizer parses them.</summary>
    public int MaxInputLength { get; set; } = DefaultMaxInputLength;
}
