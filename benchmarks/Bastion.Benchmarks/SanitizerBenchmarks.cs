using Bastion.Html;
using BenchmarkDotNet.Attributes;

namespace Bastion.Benchmarks;

/// <summary>The sanitizer's fast path on clean text against running HtmlSanitizer on the same text.</summary>
[MemoryDiagnoser]
public class SanitizerBenchmarks
{
    private const string CleanText = "Thanks for the quick reply, the parcel arrived on Tuesday and everything was fine.";
    private const string Markup = "Thanks <b>a lot</b>, see <a href=\"https://example.com\">this</a> & <img src=x onerror=alert(1)>";

    [Benchmark(Baseline = true)]
    public string Clean_text_fast_path() => HtmlPolicySanitizer.Sanitize(CleanText, HtmlPolicy.Text);

    [Benchmark]
    public string Clean_text_full_sanitizer() => HtmlPolicySanitizer.SanitizeAlways(CleanText, HtmlPolicy.Text);

    [Benchmark]
    public string Markup_full_sanitizer() => HtmlPolicySanitizer.Sanitize(Markup, HtmlPolicy.BasicFormatting);
}
