using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Bastion.Commands;
using Bastion.Html;
using Bastion.Paths;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Bastion.Benchmarks;

/// <summary>
/// What each guard costs on a typical input, on the worst input it accepts and on the worst it refuses, within its
/// documented caps: the path resolver (4,096 characters, 32 segments, 255-byte names), the command argument check
/// (MaxLength in UTF-8 bytes, at most the OS's 131,071 per argument; the whole command line against ARG_MAX), and the
/// Text and Reject policies (HtmlText.Encode, HtmlText.ContainsMarkup). Each category's baseline is the typical input,
/// so the Ratio column is the amplification one request can cause. Setup checks every input gets the verdict its name says.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GuardCostBenchmarks
{
    private const string Typical80 = "Thanks for the quick reply, the parcel arrived on Tuesday and everything was fine.";

    private string _base = string.Empty;
    private SafePathResolver _resolver = null!;
    private string _deepest = string.Empty;
    private string _longest = string.Empty;
    private string _lateSyntaxRefusal = string.Empty;
    private string _deepLinkOut = string.Empty;
    private string _manySegments = string.Empty;
    private string _cjk255 = string.Empty;
    private string _cjk255Lone = string.Empty;
    private string _cjkMax = string.Empty;
    private string _cjkMaxLone = string.Empty;
    private string _asciiMax = string.Empty;
    private ProcessStartInfo _ping = null!;
    private ProcessStartInfo _nearArgMax = null!;
    private string _encodeWorst80 = string.Empty;
    private string _encodeWorst4k = string.Empty;
    private string _clean4k = string.Empty;
    private string _encodeDense4k = string.Empty;
    private string _encodeAmpersands4k = string.Empty;
    private string _markupWorstAccepted80 = string.Empty;
    private string _markupWorstRefused80 = string.Empty;
    private string _markupWorstAccepted4k = string.Empty;
    private string _markupWorstRefused4k = string.Empty;
    private string _markupSemicolons4k = string.Empty;
    private string _markupNonAscii4k = string.Empty;
    private string _markupMixedBlocks4k = string.Empty;
    private string _prose4k = string.Empty;
    private string _prose80 = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _base = Directory.CreateTempSubdirectory("bastion-guard-bench-").FullName;
        string root = Directory.CreateDirectory(Path.Combine(_base, "root")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        File.WriteAllText(Path.Combine(root, "docs", "report.pdf"), "x");
        File.WriteAllText(Path.Combine(_base, "outside.txt"), "x");

        // The deepest tree the caps let a name walk: 31 directories and a file, every component probed.
        string deepDirectory = Path.Combine([root, .. Enumerable.Repeat("d", SafePathResolver.MaxSegments - 1)]);
        Directory.CreateDirectory(deepDirectory);
        File.WriteAllText(Path.Combine(deepDirectory, "f.txt"), "x");
        File.CreateSymbolicLink(Path.Combine(deepDirectory, "out.txt"), Path.Combine(_base, "outside.txt"));
        string deepPrefix = string.Concat(Enumerable.Repeat("d/", SafePathResolver.MaxSegments - 1));
        _deepest = deepPrefix + "f.txt";
        _deepLinkOut = deepPrefix + "out.txt";
        _resolver = new SafePathResolver(root);

        // The longest accepted text: 32 segments, 63 'é' (126 bytes) each, under an existing first directory: close to
        // PATH_MAX (4,096 bytes with the root), every character on the per-character (non-ASCII) path of the scans.
        string name = new('é', 63);
        _longest = "docs/" + string.Join('/', Enumerable.Repeat(name, SafePathResolver.MaxSegments - 1));
        _lateSyntaxRefusal = _longest[..^1] + ".";                                  // every segment checked, the last refused
        _manySegments = string.Concat(Enumerable.Repeat("a/", 2000)) + "report.pdf"; // the 4 KB, 2,000-segment request

        _cjk255 = new string('日', 85);
        _cjk255Lone = new string('日', 84) + "\uD800";
        _cjkMax = new string('日', CommandLineLimits.LinuxMaxArgumentBytes / 3);
        _cjkMaxLone = _cjkMax[..^1] + "\uD800";
        _asciiMax = string.Concat(Enumerable.Repeat("host-name.example.org ", 6000))[..CommandLineLimits.LinuxMaxArgumentBytes];
        _ping = StartInfo("/usr/bin/ping", ["-c", "1", "-W", "2", "--", "example.org"]);
        long budget = CommandLineLimits.MaxTotalBytes();
        _nearArgMax = StartInfo("/usr/bin/printf", Enumerable.Repeat(new string('y', 100_000), (int)(budget / 100_100) - 1).ToArray());

        _clean4k = string.Concat(Enumerable.Repeat("Plain words and numbers 12345, nothing to clean here at all. ", 66));
        _encodeWorst80 = string.Concat(Enumerable.Repeat("&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa<", 3))[..80];   // every '&' reads 32 letters
        _encodeWorst4k = string.Concat(Enumerable.Repeat("&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa<", 125))[..4000];
        _encodeDense4k = new string('<', 4000);       // every character replaced (four out for one in)
        _encodeAmpersands4k = new string('&', 4000);  // the most output: five characters for each one read
        // Worst for a search that stops at every ampersand (one every five characters, each followed by a name): what
        // the reference scan is measured on, beside the same density with semicolons and in another script.
        _markupWorstAccepted80 = string.Concat(Enumerable.Repeat("&Jerry\uFF06Tom ", 8))[..80];
        _markupWorstAccepted4k = string.Concat(Enumerable.Repeat("&Jerry\uFF06Tom ", 370))[..4000];
        _markupSemicolons4k = string.Concat(Enumerable.Repeat("&Tom ;& ;&;", 400))[..4000];
        _markupNonAscii4k = string.Concat(Enumerable.Repeat("\uFF06\u6771\u4EAC &\u5927\u962A \uFF1B", 500))[..4000];
        // Against a scan that treats a block of ASCII and a block with another character differently: 32-character
        // blocks of each kind in a random order, so no branch on the kind of block can be predicted.
        var random = new Random(20261207);
        _markupMixedBlocks4k = string.Concat(Enumerable.Range(0, 125).Select(_ => random.Next(2) == 0
            ? _markupSemicolons4k[..32]
            : _markupWorstAccepted4k[..32]));
        // Ordinary text in other languages: one accented letter sends it to the character scan, like any hostile text.
        _prose80 = "Merci pour la réponse rapide, le colis est arrivé mardi et tout était parfait !!";
        _prose4k = string.Concat(Enumerable.Repeat("Grüße aus Köln; das Paket kam am Dienstag an, alles war in Ordnung. 東京へようこそ。", 60))[..4000];
        // Refused only by the last characters, after the whole scan: a reference at the end (no '<' for the first search).
        _markupWorstRefused80 = _markupWorstAccepted80[..76] + "&lt;";
        _markupWorstRefused4k = _markupWorstAccepted4k[..3996] + "&lt;";
        Check();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_base, recursive: true);

    [Benchmark(Baseline = true), BenchmarkCategory("Path")]
    public SafePathResult Path_typical() => _resolver.Resolve("docs/report.pdf");

    [Benchmark, BenchmarkCategory("Path")]
    public SafePathResult Path_accepted_deepest_existing() => _resolver.Resolve(_deepest);

    [Benchmark, BenchmarkCategory("Path")]
    public SafePathResult Path_accepted_longest() => _resolver.Resolve(_longest);

    [Benchmark, BenchmarkCategory("Path")]
    public SafePathResult Path_refused_last_character() => _resolver.Resolve(_lateSyntaxRefusal);

    [Benchmark, BenchmarkCategory("Path")]
    public SafePathResult Path_refused_link_out_at_the_deepest() => _resolver.Resolve(_deepLinkOut);

    [Benchmark, BenchmarkCategory("Path")]
    public SafePathResult Path_refused_2000_segments() => _resolver.Resolve(_manySegments);

    [Benchmark(Baseline = true), BenchmarkCategory("CommandArg")]
    public CommandArgumentProblem? Arg_typical() => CommandArgumentCheck.FindProblem("example.org", 253, false);

    [Benchmark, BenchmarkCategory("CommandArg")]
    public CommandArgumentProblem? Arg_accepted_default_cap_255_bytes() => CommandArgumentCheck.FindProblem(_cjk255, 256, false);

    [Benchmark, BenchmarkCategory("CommandArg")]
    public CommandArgumentProblem? Arg_refused_default_cap_last_character() => CommandArgumentCheck.FindProblem(_cjk255Lone, 256, false);

    [Benchmark(Baseline = true), BenchmarkCategory("CommandArg-131071")]
    public CommandArgumentProblem? Arg_typical_os_cap_131071_ascii() => CommandArgumentCheck.FindProblem(_asciiMax, 1_000_000, false);

    [Benchmark, BenchmarkCategory("CommandArg-131071")]
    public CommandArgumentProblem? Arg_accepted_os_cap_131070_bytes() => CommandArgumentCheck.FindProblem(_cjkMax, 1_000_000, false);

    [Benchmark, BenchmarkCategory("CommandArg-131071")]
    public CommandArgumentProblem? Arg_refused_os_cap_last_character() => CommandArgumentCheck.FindProblem(_cjkMaxLone, 1_000_000, false);

    [Benchmark(Baseline = true), BenchmarkCategory("CommandLine")]
    public void Line_typical_ping() => SafeCommandRunner.CheckCommandLine(_ping, ["host"], ["example.org"]);

    [Benchmark, BenchmarkCategory("CommandLine")]
    public void Line_accepted_near_arg_max() => SafeCommandRunner.CheckCommandLine(_nearArgMax, ["value"], ["y"]);

    [Benchmark(Baseline = true), BenchmarkCategory("Text-80")]
    public string Encode_typical_80() => HtmlText.Encode(Typical80);

    [Benchmark, BenchmarkCategory("Text-80")]
    public string Encode_worst_80() => HtmlText.Encode(_encodeWorst80);

    [Benchmark(Baseline = true), BenchmarkCategory("Text-4k")]
    public string Encode_typical_4k() => HtmlText.Encode(_clean4k);

    [Benchmark, BenchmarkCategory("Text-4k")]
    public string Encode_worst_4k() => HtmlText.Encode(_encodeWorst4k);

    [Benchmark, BenchmarkCategory("Text-4k")]
    public string Encode_every_character_4k() => HtmlText.Encode(_encodeDense4k);

    [Benchmark, BenchmarkCategory("Text-4k")]
    public string Encode_most_output_4k() => HtmlText.Encode(_encodeAmpersands4k);

    /// <summary>
    /// Not Bastion: the least any encoder must do for the most-output input, allocating its 20,000-character result and
    /// writing every character once. Its ratio is the floor for Text's worst case against a typical input returned as is.
    /// </summary>
    [Benchmark, BenchmarkCategory("Text-4k")]
    public string Floor_allocate_and_write_20000_characters() => string.Create(_encodeAmpersands4k.Length * 5, 'x', static (output, c) => output.Fill(c));

    [Benchmark(Baseline = true), BenchmarkCategory("Reject-80")]
    public bool Markup_typical_80() => HtmlText.ContainsMarkup(Typical80);

    [Benchmark, BenchmarkCategory("Reject-80")]
    public bool Markup_accepted_worst_80() => HtmlText.ContainsMarkup(_markupWorstAccepted80);

    [Benchmark, BenchmarkCategory("Reject-80")]
    public bool Markup_refused_worst_80() => HtmlText.ContainsMarkup(_markupWorstRefused80);

    [Benchmark(Baseline = true), BenchmarkCategory("Reject-4k")]
    public bool Markup_typical_4k() => HtmlText.ContainsMarkup(_clean4k);

    [Benchmark, BenchmarkCategory("Reject-4k")]
    public bool Markup_accepted_worst_4k() => HtmlText.ContainsMarkup(_markupWorstAccepted4k);

    [Benchmark, BenchmarkCategory("Reject-4k")]
    public bool Markup_refused_worst_4k() => HtmlText.ContainsMarkup(_markupWorstRefused4k);

    [Benchmark, BenchmarkCategory("Reject-4k")]
    public bool Markup_typical_non_ascii_4k() => HtmlText.ContainsMarkup(_prose4k);

    [Benchmark, BenchmarkCategory("Reject-80")]
    public bool Markup_typical_non_ascii_80() => HtmlText.ContainsMarkup(_prose80);

    [Benchmark, BenchmarkCategory("Reject-4k")]
    public bool Markup_accepted_semicolons_4k() => HtmlText.ContainsMarkup(_markupSemicolons4k);

    [Benchmark, BenchmarkCategory("Reject-4k")]
    public bool Markup_accepted_non_ascii_4k() => HtmlText.ContainsMarkup(_markupNonAscii4k);

    [Benchmark, BenchmarkCategory("Reject-4k")]
    public bool Markup_accepted_mixed_blocks_4k() => HtmlText.ContainsMarkup(_markupMixedBlocks4k);

    private void Check()
    {
        Require(Path_typical().Succeeded && Path_accepted_deepest_existing().Succeeded && Path_accepted_longest().Succeeded, "accepted paths");
        Require(Path_refused_last_character().Rejection == PathRejection.TrailingDotOrSpace, "late syntax refusal");
        Require(Path_refused_link_out_at_the_deepest().Rejection == PathRejection.OutsideRoot, "deep link refusal");
        Require(Path_refused_2000_segments().Rejection == PathRejection.TooManySegments, "segment cap");
        Require(System.Text.Encoding.UTF8.GetByteCount(Path.Combine(_resolver.Root, _longest)) is > 3900 and < SafePathResolver.MaxPathBytes, "longest path length");
        Require(Arg_typical() is null && Arg_accepted_default_cap_255_bytes() is null && Arg_accepted_os_cap_131070_bytes() is null && Arg_typical_os_cap_131071_ascii() is null, "accepted arguments");
        Require(Arg_refused_default_cap_last_character() == CommandArgumentProblem.InvalidText && Arg_refused_os_cap_last_character() == CommandArgumentProblem.InvalidText, "refused arguments");
        Line_typical_ping();
        Line_accepted_near_arg_max();
        Require(!Markup_typical_80() && !Markup_accepted_worst_80() && !Markup_typical_4k() && !Markup_accepted_worst_4k() && !Markup_accepted_semicolons_4k() && !Markup_accepted_non_ascii_4k() && !Markup_accepted_mixed_blocks_4k()
            && !Markup_typical_non_ascii_4k() && !Markup_typical_non_ascii_80() && _prose80.Length == 80 && _markupMixedBlocks4k.Length == 4000, "accepted text");
        Require(Markup_refused_worst_80() && Markup_refused_worst_4k(), "refused markup");
        Require(ReferenceEquals(Encode_typical_80(), Typical80) && Encode_worst_80() != _encodeWorst80, "encoding");
        Require(Encode_every_character_4k().Length == 16_000 && Encode_most_output_4k().Length == Floor_allocate_and_write_20000_characters().Length, "encoded lengths");
    }

    private static ProcessStartInfo StartInfo(string executable, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(executable) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.Environment.Clear();
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("GuardCostBenchmarks setup: " + what + " did not get the expected verdict.");
        }
    }
}
