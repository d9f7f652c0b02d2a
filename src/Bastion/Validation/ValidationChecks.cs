using System;
using System.Text.RegularExpressions;

namespace Bastion.Validation;

/// <summary>
/// The checks behind generated [RegularExpression], [EmailAddress] and [Url] validation. Allocation-free
/// on valid input; usable from hand-written code.
/// </summary>
public static class ValidationChecks
{
    /// <summary>
    /// DataAnnotations semantics: the first match must cover the whole value. A match that runs past the
    /// regex's timeout counts as a failure (fail closed).
    /// </summary>
    public static bool IsFullMatch(Regex regex, string value)
    {
        ArgumentNullException.ThrowIfNull(regex);
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            foreach (ValueMatch match in regex.EnumerateMatches(value))
            {
                return match.Index == 0 && match.Length == value.Length;
            }

            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// DataAnnotations' rule (exactly one '@', neither first nor last) plus no control characters, so an
    /// address cannot smuggle CR/LF into mail headers.
    /// </summary>
    public static bool IsEmailAddress(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int at = value.IndexOf('@');
        return at > 0
            && at != value.Length - 1
            && at == value.LastIndexOf('@')
            && !ContainsControlOrSpace(value);
    }

    /// <summary>An absolute http or https URL with a host and no whitespace or control characters.</summary>
    public static bool IsHttpUrl(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ReadOnlySpan<char> span = value.AsSpan();
        int schemeLength = span.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : span.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : 0;
        if (schemeLength == 0 || span.Length == schemeLength || ContainsControlOrSpace(value))
        {
            return false;
        }

        char first = span[schemeLength];
        return first is not ('/' or '\\' or '?' or '#' or '@' or ':');
    }

    private static bool ContainsControlOrSpace(string value)
    {
        // Vectorised: printable ASCII without space ('!'..'~') is the common case and needs no more.
        int first = value.AsSpan().IndexOfAnyExceptInRange('!', '~');
        if (first < 0)
        {
            return false;
        }

        foreach (char c in value.AsSpan(first))
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
