using System;
using System.ComponentModel;
using System.Text;
using Bastion.Validation;

namespace Bastion.Options;

/// <summary>
/// The checks behind <see cref="SecretAttribute"/>. Messages name the key and the rule, never the value.
/// </summary>
public static class SecretChecks
{
    private static readonly string[] Placeholders =
    [
        "changeme", "change-me", "change_me", "changethis", "change-this", "password", "passw0rd", "secret", "mysecret",
        "my-secret", "todo", "tbd", "fixme", "replaceme", "replace-me", "placeholder", "example", "dummy", "test", "default",
        "none", "null", "undefined", "admin", "letmein", "12345678", "123456789", "1234567890", "qwerty",
    ];

    /// <summary>Adds an error under <paramref name="key"/> when <paramref name="value"/> is not an acceptable secret.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Check(string? value, string key, int minLength, int minBytes, bool development, ref ValidationCollector errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(key, "is a required secret and is missing or empty.");
            return;
        }

        if (value.Length < minLength)
        {
            errors.Add(key, "is a secret shorter than the required " + minLength + " characters.");
        }
        else if (minBytes > 0 && Encoding.UTF8.GetByteCount(value) < minBytes)
        {
            errors.Add(key, "is a secret shorter than the required " + minBytes + " bytes.");
        }

        if (!development && IsPlaceholder(value))
        {
            errors.Add(key, "looks like a placeholder left from an example (such as 'changeme' or 'your-key-here'), not a real secret. Placeholders are accepted only in Development.");
        }
    }

    /// <summary>
    /// True for values that are examples rather than secrets: common placeholder words, <c>your-…-here</c>,
    /// <c>&lt;…&gt;</c>, <c>${…}</c>, <c>sk-</c> followed by x's, dots or "your", and a single repeated character.
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string text = value.Trim();
        string lower = text.ToLowerInvariant();
        if (Array.IndexOf(Placeholders, lower) >= 0)
        {
            return true;
        }

        if ((lower.StartsWith("your", StringComparison.Ordinal) && (lower.EndsWith("here", StringComparison.Ordinal) || lower.Contains("key", StringComparison.Ordinal) || lower.Contains("secret", StringComparison.Ordinal) || lower.Contains("password", StringComparison.Ordinal)))
            || (lower.StartsWith('<') && lower.EndsWith('>'))
            || (lower.StartsWith("${", StringComparison.Ordinal) && lower.EndsWith('}'))
            || (lower.StartsWith("{{", StringComparison.Ordinal) && lower.EndsWith("}}", StringComparison.Ordinal))
            || lower.StartsWith("changeme", StringComparison.Ordinal)
            || lower.StartsWith("replace", StringComparison.Ordinal)
            || lower.Contains("example", StringComparison.Ordinal)
            || lower.Contains("placeholder", StringComparison.Ordinal))
        {
            return true;
        }

        if (lower.StartsWith("sk-", StringComparison.Ordinal) || lower.StartsWith("sk_", StringComparison.Ordinal))
        {
            string rest = lower[3..];
            if (rest.Length == 0 || rest.StartsWith("your", StringComparison.Ordinal) || rest.StartsWith("...", StringComparison.Ordinal) || rest.Trim('x', '.', '*', '-', '_').Length == 0)
            {
                return true;
            }
        }

        return text.Length > 0 && text.AsSpan().IndexOfAnyExcept(text[0]) < 0;
    }
}
