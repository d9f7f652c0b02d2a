using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ganss.Xss;
using Microsoft.AspNetCore.Http;

namespace Bastion.Benchmarks;

/// <summary>
/// Sanitizing one request field: Bastion's generated [Sanitize] (fast path + one configured sanitizer)
/// against a runtime filter that sanitizes every string property through reflection, the way a team
/// would write it as an endpoint filter, and against calling HtmlSanitizer directly on the string.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SanitizationBenchmarks
{
    private static readonly HtmlSanitizer Direct = CreateSanitizer();

    [Params("clean-80", "clean-4k", "light-markup", "hostile-markup")]
    public string Input { get; set; } = "clean-80";

    private readonly ReflectedComment _reflected = new();
    private string _text = string.Empty;
    private SanitizedComment _comment = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = Text(Input);
        _comment = new SanitizedComment(_text);
    }

    private static string Text(string input) => input switch
    {
        "clean-80" => "Thanks for the quick reply, the parcel arrived on Tuesday and everything was fine.",
        "clean-4k" => string.Concat(Enumerable.Repeat("Plain words and numbers 12345, nothing to clean here at all. ", 66)),
        "light-markup" => "Thanks <b>a lot</b>, see <a href=\"https://example.com\">this page</a> for details.",
        _ => "<img src=x onerror=alert(1)><script>steal(document.cookie)</script><a href=\"javascript:alert(1)\">x</a><svg onload=alert(1)></svg><iframe src=//evil></iframe>",
    };

    [Benchmark(Baseline = true)]
    public string Bastion_generated()
    {
        SanitizedComment comment = _comment;
        CommentBenchmarkEndpoints.BastionGenerated.SanitizeAndValidate(ref comment);
        return comment.Text;
    }

    [Benchmark]
    public string Reflection_filter()
    {
        _reflected.Text = _text;
        ReflectionSanitizingFilter.SanitizeStrings(_reflected, Direct);
        return _reflected.Text;
    }

    [Benchmark]
    public string HtmlSanitizer_direct() => Direct.Sanitize(_text);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (string tag in new[] { "b", "i", "em", "strong", "p", "br", "a" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        return sanitizer;
    }
}

/// <summary>The request type Bastion's generator sanitizes.</summary>
public sealed record SanitizedComment([Sanitize(HtmlPolicy.BasicFormatting)] string Text);

/// <summary>The same request for the reflection filter (settable, as such filters need).</summary>
public sealed class ReflectedComment
{
    public string Text { get; set; } = string.Empty;
}

/// <summary>A runtime sanitizing filter: cached string properties per type, each sanitized and set back.</summary>
public static class ReflectionSanitizingFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static void SanitizeStrings(object target, HtmlSanitizer sanitizer)
    {
        foreach (PropertyInfo property in Properties.GetOrAdd(target.GetType(), static t => t
                     .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType == typeof(string) && p.CanRead && p.CanWrite)
                     .ToArray()))
        {
            if (property.GetValue(target) is string value)
            {
                property.SetValue(target, sanitizer.Sanitize(value));
            }
        }
    }
}

/// <summary>Declares the sanitized comment as a body so Bastion generates its checks.</summary>
[BastionEndpoints]
public static partial class CommentBenchmarkEndpoints
{
    [Post("/comments"), CsrfExempt("benchmark")]
    public static IResult Create(SanitizedComment comment) => TypedResults.Ok();
}
