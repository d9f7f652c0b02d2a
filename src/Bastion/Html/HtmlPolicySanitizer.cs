using System;
using System.Buffers;
using System.Collections.Generic;
using Ganss.Xss;

namespace Bastion.Html;

/// <summary>
/// Applies an <see cref="HtmlPolicy"/> to a string. One configured <see cref="HtmlSanitizer"/> per
/// policy is built on first use and shared (its <c>Sanitize</c> is thread-safe once configured);
/// nothing static of the library is mutated. Input that the sanitizer could not change skips it.
/// </summary>
public static class HtmlPolicySanitizer
{
    // On text without markup, HtmlSanitizer 10.0.1120 changes exactly these seven UTF-16 code units
    // (NUL dropped, CR to LF, & < > encoded, U+00A0 to &nbsp;, U+FFFF to U+FFFD); every other code
    // unit passes through unchanged, so a string containing none of them is returned as is.
    // HtmlPolicySanitizerTests.Fast_path_is_observationally_identical_to_the_sanitizer proves the equivalence.
    private static readonly SearchValues<char> CharactersTheSanitizerChanges = SearchValues.Create("\0\r&<>\u00A0\uFFFF");

    // '<', '>', NUL, and the compatibility forms that NFKC normalization turns into '<' and '>'
    // (small and fullwidth less-than/greater-than), in case a later layer normalizes the stored text.
    private static readonly SearchValues<char> MarkupCharacters = SearchValues.Create("<>\0\uFE64\uFE65\uFF1C\uFF1E");

    private static readonly Lazy<HtmlSanitizer> TextSanitizer = new(() => Create(HtmlPolicy.Text));
    private static readonly Lazy<HtmlSanitizer> BasicFormattingSanitizer = new(() => Create(HtmlPolicy.BasicFormatting));

    // Elements whose content is code or form state rather than prose: removed together with their
    // children, while other disallowed elements keep their text.
    private static readonly HashSet<string> ElementsRemovedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
        "textarea", "select", "option", "button", "form", "input", "title", "xmp", "noembed", "noframes", "svg", "math",
    };

    private static readonly string[] BasicFormattingTags = ["b", "i", "em", "strong", "p", "br", "a"];
    private static readonly string[] FormElements = ["form", "input", "button", "textarea", "select"];

    /// <summary>True when the sanitizer could change <paramref name="input"/>; false means it is returned unchanged.</summary>
    public static bool CouldChange(ReadOnlySpan<char> input) => input.ContainsAny(CharactersTheSanitizerChanges);

    /// <summary>
    /// Sanitizes <paramref name="input"/> under <paramref name="policy"/> (<see cref="HtmlPolicy.Text"/> or
    /// <see cref="HtmlPolicy.BasicFormatting"/>). Returns the same instance when nothing could change.
    /// </summary>
    public static string Sanitize(string input, HtmlPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!CouldChange(input))
        {
            return input;
        }

        return SanitizeAlways(input, policy);
    }

    /// <summary>The full sanitizer, without the fast path (exposed for the equivalence tests and benchmarks).</summary>
    public static string SanitizeAlways(string input, HtmlPolicy policy) => policy switch
    {
        HtmlPolicy.Text => TextSanitizer.Value.Sanitize(input),
        HtmlPolicy.BasicFormatting => BasicFormattingSanitizer.Value.Sanitize(input),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Only Text and BasicFormatting transform input; Reject is checked with ContainsMarkup."),
    };

    /// <summary>
    /// The <see cref="HtmlPolicy.Reject"/> test: true when <paramref name="input"/> holds <c>&lt;</c>,
    /// <c>&gt;</c> (or their fullwidth and small forms, which NFKC normalization turns into them), NUL, or a character reference (<c>&amp;#..</c> or <c>&amp;name;</c>) that a later
    /// decoding step could turn into markup. A bare ampersand ("Tom &amp; Jerry") is not markup.
    /// </summary>
    public static bool ContainsMarkup(ReadOnlySpan<char> input)
    {
        if (input.ContainsAny(MarkupCharacters))
        {
            return true;
        }

        for (int amp = input.IndexOf('&'); amp >= 0; amp = NextAmpersand(input, amp))
        {
            ReadOnlySpan<char> rest = input[(amp + 1)..];
            if (rest.Length > 0 && rest[0] == '#')
            {
                return true;
            }

            int letters = 0;
            while (letters < rest.Length && char.IsAsciiLetterOrDigit(rest[letters]))
            {
                letters++;
            }

            if (letters > 0 && letters < rest.Length && rest[letters] == ';')
            {
                return true;
            }
        }

        return false;
    }

    private static int NextAmpersand(ReadOnlySpan<char> input, int previous)
    {
        int next = input[(previous + 1)..].IndexOf('&');
        return next < 0 ? -1 : previous + 1 + next;
    }

    private static HtmlSanitizer Create(HtmlPolicy policy)
    {
        // Start from the library's defaults, keep only the policy's tags, never form controls.
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https" },
            UriAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriAttributes, StringComparer.OrdinalIgnoreCase),
            UriListAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriListAttributes, StringComparer.OrdinalIgnoreCase),
        };

        if (policy == HtmlPolicy.BasicFormatting)
        {
            foreach (string tag in BasicFormattingTags)
            {
                if (HtmlSanitizerDefaults.AllowedTags.Contains(tag))
                {
                    options.AllowedTags.Add(tag);
                }
            }

            options.AllowedAttributes.Add("href");
        }

        foreach (string tag in FormElements)
        {
            options.AllowedTags.Remove(tag);
        }

        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.RemovingTag += static (_, e) =>
        {
            if (ElementsRemovedWithContent.Contains(e.Tag.LocalName))
            {
                e.Tag.TextContent = string.Empty;
            }
        };
        return sanitizer;
    }
}
