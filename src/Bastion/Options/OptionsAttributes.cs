using System;

namespace Bastion;

/// <summary>
/// Options bound from configuration section <see cref="Section"/> by generated code: no ConfigurationBinder
/// reflection, invariant culture, DataAnnotations and <see cref="SecretAttribute"/> checks when the app starts
/// and on every reload (an invalid reload keeps the last valid values and logs the keys). The type must be a
/// partial class or record with a parameterless constructor and settable properties. Registered by
/// <c>builder.AddBastion()</c> (or <c>builder.AddBastionOptions&lt;T&gt;()</c>) as <c>IOptions&lt;T&gt;</c>,
/// <c>IOptionsSnapshot&lt;T&gt;</c> and <c>IOptionsMonitor&lt;T&gt;</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BastionOptionsAttribute(string section) : Attribute
{
    /// <summary>The configuration section, for example <c>Payments</c> or <c>Services:Payments</c>.</summary>
    public string Section { get; } = section;
}

/// <summary>
/// A secret: required and non-empty, at least <see cref="MinLength"/> characters and <see cref="MinBytes"/> UTF-8
/// bytes, and not a known placeholder (<c>changeme</c>, <c>your-api-key-here</c>, <c>sk-...</c>, <c>password</c>,
/// one repeated character, ...) outside Development. Its value is shown as <c>***</c> by the generated
/// <c>ToString()</c>/<c>PrintMembers</c> and never appears in a validation message. The analyzers flag literal
/// values, logging, interpolation and serialization of it (BAS1601–BAS1603).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SecretAttribute : Attribute
{
    /// <summary>Fewest characters accepted.</summary>
    public int MinLength { get; set; }

    /// <summary>Fewest UTF-8 bytes accepted (for keys: 32 for HMAC-SHA256).</summary>
    public int MinBytes { get; set; }
}
