using System;
using System.Buffers;
using System.Collections.Generic;
using Ganss.Xss;

namespace Bastion.Html;

/// <summary>
/// Applies an <see cref="HtmlPolicy"/> to a string. The markup-aware policies (<see cref="HtmlPolicy.BasicFormatting"/>,
/// <see cref="HtmlPolicy.RemoveMarkup"/>) run HtmlSanitizer: one configured instance per policy, built on first use and
/// shared (its <c>Sanitize</c> is thread-safe once configured); nothing static of the library is mutated, input that
/// the sanitizer could not change skips it, and input with more than <see cref="MaxParsedTags"/> tags is encoded
/// instead of parsed (bounded cost). Generated code calls the per-policy methods, so an app whose fields are all
/// <see cref="HtmlPolicy.Text"/> or <see cref="HtmlPolicy.Reject"/> (<see cref="HtmlText"/>) never links HtmlSanitizer.
/// </summary>
public static class HtmlPolicySanitizer
{
    // On text without markup, HtmlSanitizer 10.0.1120 changes exactly these seven UTF-16 code units
    // (NUL dropped, CR to LF, & < > encoded, U+00A0 to &nbsp;, U+FFFF to U+FFFD); every other code
    // unit passes through unchanged, so a string containing none of them is returned as is.
    // HtmlPolicySanitizerTests.Fast_path_is_observationally_identical_to_the_sanitizer proves the equivalence.
    private static readonly SearchValues<char> CharactersTheSanitizerChanges = SearchValues.Create("\0\r&<>\u00A0\uFFFF");

    private static readonly Lazy<HtmlSanitizer> RemoveMarkupSanitizer = new(() => Create(HtmlPolicy.RemoveMarkup));
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

    /// <summary>
    /// The most markup (<c>&lt;</c> characters, so at most that many tags and that much nesting) a field may carry and
    /// still be parsed. The parser's cost grows faster than its input with nesting (tens of kilobytes of nested tags
    /// cost it from a tenth of a second to a second); a field with more is encoded like <see cref="HtmlPolicy.Text"/>
    /// instead (shown as typed, nothing runs), which is linear. Rich-text comments stay far below it.
    /// </summary>
    public const int MaxParsedTags = 500;

    /// <summary>True when the sanitizer could change <paramref name="input"/>; false means it is returned unchanged.</summary>
    public static bool CouldChange(ReadOnlySpan<char> input) => input.ContainsAny(CharactersTheSanitizerChanges);

    /// <summary>
    /// Applies <paramref name="policy"/> (<see cref="HtmlPolicy.Text"/>, <see cref="HtmlPolicy.BasicFormatting"/> or
    /// <see cref="HtmlPolicy.RemoveMarkup"/>; <see cref="HtmlPolicy.Reject"/> is a test, <see cref="HtmlText.ContainsMarkup"/>).
    /// Returns the same instance when nothing could change. Calling this links HtmlSanitizer; code that knows its policy
    /// calls <see cref="HtmlText.Encode"/>, <see cref="SanitizeBasicFormatting"/> or <see cref="RemoveMarkup"/> instead.
    /// </summary>
    public static string Sanitize(string input, HtmlPolicy policy) => policy switch
    {
        HtmlPolicy.Text => HtmlText.Encode(input),
        HtmlPolicy.BasicFormatting => SanitizeBasicFormatting(input),
        HtmlPolicy.RemoveMarkup => RemoveMarkup(input),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Reject does not transform input; test it with HtmlText.ContainsMarkup."),
    };

    /// <summary><see cref="HtmlPolicy.BasicFormatting"/>; the same instance when the sanitizer could not change the input.</summary>
    public static string SanitizeBasicFormatting(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return !CouldChange(input) ? input : TooMuchMarkup(input) ? HtmlText.Encode(input) : BasicFormattingSanitizer.Value.Sanitize(input);
    }

    /// <summary><see cref="HtmlPolicy.RemoveMarkup"/>; the same instance when the sanitizer could not change the input.</summary>
    public static string RemoveMarkup(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return !CouldChange(input) ? input : TooMuchMarkup(input) ? HtmlText.Encode(input) : RemoveMarkupSanitizer.Value.Sanitize(input);
    }

    /// <summary>More than <see cref="MaxParsedTags"/> <c>&lt;</c> characters: too costly to parse, encoded instead.</summary>
    private static bool TooMuchMarkup(string input) => input.AsSpan().Count('<') > MaxParsedTags;

    /// <summary>HtmlSanitizer itself, without the fast path (exposed for the equivalence tests and benchmarks).</summary>
    public static string SanitizeAlways(string input, HtmlPolicy policy) => policy switch
    {
        HtmlPolicy.RemoveMarkup => RemoveMarkupSanitizer.Value.Sanitize(input),
        HtmlPolicy.BasicFormatting => BasicFormattingSanitizer.Value.Sanitize(input),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Only BasicFormatting and RemoveMarkup run HtmlSanitizer."),
    };

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
