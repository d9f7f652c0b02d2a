using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using Bastion.Validation;
using Microsoft.Extensions.Configuration;

namespace Bastion.Options;

/// <summary>
/// Reads one configuration value for generated binding code, with the invariant culture. A missing key leaves the
/// property's default; a value that cannot be read is reported under its key — never with the value itself, which
/// may be a secret put under the wrong key.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConfigurationValues
{
    /// <summary>The text of <paramref name="key"/> under <paramref name="section"/> (null when absent), without creating a section object.</summary>
    public static string? Text(IConfiguration section, string key)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section[key];
    }

    /// <summary>Numbers, bool, TimeSpan, Guid, DateTimeOffset and any other <see cref="IParsable{TSelf}"/>, by key.</summary>
    public static bool TryRead<T>(IConfiguration section, string key, ref ValidationCollector errors, out T value) where T : IParsable<T>
        => Parsable(Value(section, key), section, key, ref errors, out value);

    /// <summary>Numbers by key; see <see cref="TryReadNumber{T}(IConfigurationSection, ref ValidationCollector, out T)"/>.</summary>
    public static bool TryReadNumber<T>(IConfiguration section, string key, ref ValidationCollector errors, out T value) where T : INumberBase<T>
        => Number(Value(section, key), section, key, ref errors, out value);

    /// <summary>An enum member by key; see <see cref="TryReadEnum{T}(IConfigurationSection, ref ValidationCollector, out T)"/>.</summary>
    public static bool TryReadEnum<T>(IConfiguration section, string key, ref ValidationCollector errors, out T value) where T : struct, Enum
        => EnumMember(Value(section, key), section, key, ref errors, out value);

    /// <summary>An absolute URI by key.</summary>
    public static bool TryReadUri(IConfiguration section, string key, ref ValidationCollector errors, out Uri value)
        => AbsoluteUri(Value(section, key), section, key, ref errors, out value);

    /// <summary>Numbers, bool, TimeSpan, Guid, DateTimeOffset and any other <see cref="IParsable{TSelf}"/> (a list item's own value).</summary>
    public static bool TryRead<T>(IConfigurationSection section, ref ValidationCollector errors, out T value) where T : IParsable<T>
        => Parsable(Value(section, null), section, null, ref errors, out value);

    /// <summary>
    /// Numbers: integers as digits with an optional sign, fractions with '.' only. Thousands separators are refused,
    /// so a value written in another culture ("1,25") is an error, not 125.
    /// </summary>
    public static bool TryReadNumber<T>(IConfigurationSection section, ref ValidationCollector errors, out T value) where T : INumberBase<T>
        => Number(Value(section, null), section, null, ref errors, out value);

    /// <summary>An enum member by name (case-insensitive); numbers and undefined names are refused.</summary>
    public static bool TryReadEnum<T>(IConfigurationSection section, ref ValidationCollector errors, out T value) where T : struct, Enum
        => EnumMember(Value(section, null), section, null, ref errors, out value);

    /// <summary>An absolute URI.</summary>
    public static bool TryReadUri(IConfigurationSection section, ref ValidationCollector errors, out Uri value)
        => AbsoluteUri(Value(section, null), section, null, ref errors, out value);

    private static string? Value(IConfiguration section, string? key)
    {
        ArgumentNullException.ThrowIfNull(section);
        return key is null ? ((IConfigurationSection)section).Value : section[key];
    }

    /// <summary>The configuration path of the value, built only for an error message.</summary>
    private static string PathOf(IConfiguration section, string? key)
        => section is IConfigurationSection named ? (key is null ? named.Path : ConfigurationPath.Combine(named.Path, key)) : key ?? string.Empty;

    private static bool Parsable<T>(string? text, IConfiguration section, string? key, ref ValidationCollector errors, out T value) where T : IParsable<T>
    {
        value = default!;
        if (text is null)
        {
            return false;
        }

        if (T.TryParse(text.Trim(), CultureInfo.InvariantCulture, out T? parsed))
        {
            value = parsed;
            return true;
        }

        errors.Add(PathOf(section, key), "could not be read as " + Describe(typeof(T)) + ".");
        return false;
    }

    private static bool Number<T>(string? text, IConfiguration section, string? key, ref ValidationCollector errors, out T value) where T : INumberBase<T>
    {
        value = T.Zero;
        if (text is null)
        {
            return false;
        }

        bool fractional = typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(decimal) || typeof(T) == typeof(Half);
        if (T.TryParse(text.Trim(), fractional ? NumberStyles.Float : NumberStyles.Integer, CultureInfo.InvariantCulture, out T? parsed))
        {
            value = parsed;
            return true;
        }

        errors.Add(PathOf(section, key), "could not be read as " + Describe(typeof(T)) + ".");
        return false;
    }

    private static bool EnumMember<T>(string? text, IConfiguration section, string? key, ref ValidationCollector errors, out T value) where T : struct, Enum
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        text = text.Trim();
        bool named = text.Length > 0 && !char.IsAsciiDigit(text[0]) && text[0] is not ('-' or '+');
        if (named && Enum.TryParse(text, ignoreCase: true, out T parsed) && (Enum.IsDefined(parsed) || text.Contains(',', StringComparison.Ordinal)))
        {
            value = parsed;
            return true;
        }

        errors.Add(PathOf(section, key), "is not one of: " + string.Join(", ", Enum.GetNames<T>()) + ".");
        return false;
    }

    private static bool AbsoluteUri(string? text, IConfiguration section, string? key, ref ValidationCollector errors, out Uri value)
    {
        value = null!;
        if (text is null)
        {
            return false;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? parsed))
        {
            value = parsed;
            return true;
        }

        errors.Add(PathOf(section, key), "is not an absolute URI.");
        return false;
    }

    private static string Describe(Type type) => type == typeof(bool) ? "true or false"
        : type == typeof(TimeSpan) ? "a time span (for example 00:00:30)"
        : type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte)
            ? "a whole number in the range of " + type.Name
        : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "a number (invariant culture: 1.5)"
        : type.Name;
}
