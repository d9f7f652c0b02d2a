using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Bastion.Testing;
using Bastion.Text;
using Xunit;

namespace Bastion.Tests;

/// <summary>
/// The look-alike table the guards use (no normalization at run time, so it holds under InvariantGlobalization) is
/// recomputed here from the rule: every code point U+0080..U+10FFFF (surrogates skipped) is normalized alone with ICU,
/// and each form it can take (itself, NFC, NFD, NFKC, NFKD) is converted with the best-fit tables of the Windows ANSI
/// code pages (a layer may normalize, then hand the text to an ANSI API). A code point is in the table with the kinds of
/// guard-relevant ASCII those results contain (<see cref="LookAlikeKinds"/>): path syntax <c>. / \ : ; % ? #</c> and
/// all-space results from both sources (a best-fit <c>?</c> excepted: it is also best-fit's answer for "no mapping"),
/// markup <c>&lt; &gt; &amp;</c> from normalization only (browsers never best-fit).
/// Regenerate after a Unicode or .NET update: <c>BASTION_ACCEPT=1 dotnet test tests/Bastion.Tests --filter LookAlikeTableTests</c>.
/// </summary>
public sealed class LookAlikeTableTests
{
    /// <summary>The ANSI code pages a Windows system can use for its "A" file APIs (one per system).</summary>
    private static readonly int[] AnsiCodePages = [874, 932, 936, 949, 950, 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258];

    private static readonly string TablePath = Path.Combine(RepositoryRoot.Find(), "src", "Bastion", "Text", "LookAlikes.Table.g.cs");

    [Fact]
    public void The_table_matches_unicode_normalization_and_windows_best_fit()
    {
        Assert.SkipWhen("\uFF0E".Normalize(NormalizationForm.FormKC) != ".", "ICU is not available here (InvariantGlobalization or no libicu), so normalization cannot be computed");
        SortedDictionary<int, (LookAlikeKinds Kinds, string Why)> expected = Compute();
        Dictionary<int, LookAlikeKinds> actual = LookAlikes.All().ToDictionary(e => e.CodePoint, e => e.Kinds);

        if (Environment.GetEnvironmentVariable("BASTION_ACCEPT") == "1")
        {
            File.WriteAllText(TablePath, Render(expected));
            return;
        }

        var differences = new List<string>();
        foreach ((int codePoint, (LookAlikeKinds kinds, string why)) in expected)
        {
            if (!actual.TryGetValue(codePoint, out LookAlikeKinds found) || found != kinds)
            {
                differences.Add($"U+{codePoint:X4}: computed {kinds} ({why}), table has {found}");
            }
        }

        differences.AddRange(actual.Keys.Where(c => !expected.ContainsKey(c)).Select(c => $"U+{c:X4}: in the table as {actual[c]}, not computed"));
        Assert.True(differences.Count == 0,
            "The look-alike table differs from what this machine's ICU and code pages compute. Regenerate with "
            + "BASTION_ACCEPT=1 dotnet test tests/Bastion.Tests --filter LookAlikeTableTests and review the diff:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void Lookups_find_every_entry_astral_ones_too_and_nothing_else()
    {
        foreach ((int codePoint, LookAlikeKinds kinds) in LookAlikes.All())
        {
            Assert.Equal(kinds, LookAlikes.KindsOf(codePoint));
            string text = "a" + char.ConvertFromUtf32(codePoint);
            Assert.Equal(kinds, LookAlikes.KindsAt(text, 1, out int length));
            Assert.Equal(text.Length - 1, length);
            Assert.True(text.AsSpan().IndexOfAny(LookAlikes.Candidates) == 1, $"U+{codePoint:X4} is not a scan candidate");
        }

        Assert.Equal(LookAlikeKinds.Dot, LookAlikes.KindsOf(0x1F100) & LookAlikeKinds.Dot); // DIGIT ZERO FULL STOP, outside the BMP

        // HtmlText scans UTF-16 units for markup, '#' and ';' look-alikes: a regenerated table with one outside the BMP needs a rune scan there.
        Assert.All(LookAlikes.All().Where(e => (e.Kinds & (LookAlikeKinds.Markup | LookAlikeKinds.Hash | LookAlikeKinds.Semicolon)) != 0),
            e => Assert.True(e.CodePoint <= char.MaxValue, $"U+{e.CodePoint:X}"));
        Assert.Equal(LookAlikeKinds.None, LookAlikes.KindsOf('.'));
        Assert.Equal(LookAlikeKinds.None, LookAlikes.KindsOf('é'));
        Assert.Equal(LookAlikeKinds.None, LookAlikes.KindsAt("\uD83D", 0, out int lone));
        Assert.Equal(1, lone);
    }

    internal static SortedDictionary<int, (LookAlikeKinds Kinds, string Why)> Compute()
    {
        var table = new SortedDictionary<int, (LookAlikeKinds Kinds, string Why)>();
        void Add(int codePoint, LookAlikeKinds kinds, string why)
        {
            if (kinds == LookAlikeKinds.None)
            {
                return;
            }

            table[codePoint] = table.TryGetValue(codePoint, out var known)
                ? (known.Kinds | kinds, known.Why.Contains(why, StringComparison.Ordinal) ? known.Why : known.Why + ", " + why)
                : (kinds, why);
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding[] codePages = AnsiCodePages.Select(Encoding.GetEncoding).ToArray();

        // Looking at one code point at a time is complete only if no character that best-fits to path syntax is the
        // canonical composition of a sequence (normalizing "x" + combining mark could then create one). None is.
        for (char c = '\u0080'; c < '\uD800'; c++)
        {
            string alone = c.ToString();
            if (codePages.Any(e => (KindsOf(e.GetString(e.GetBytes(alone)), LookAlikeKinds.PathSyntax) & ~LookAlikeKinds.Question) != LookAlikeKinds.None))
            {
                Assert.True(Normalize(alone, NormalizationForm.FormD) is { Length: 1 }, $"U+{(int)c:X4} best-fits to path syntax and decomposes into a sequence");
            }
        }

        for (int codePoint = 0x80; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            string alone = char.ConvertFromUtf32(codePoint);
            string? kc = Normalize(alone, NormalizationForm.FormKC);
            string? kd = Normalize(alone, NormalizationForm.FormKD);
            if (kc is not null && kc != alone)
            {
                Add(codePoint, KindsOf(kc, LookAlikeKinds.PathSyntax | LookAlikeKinds.Markup), "NFKC " + Show(kc));
            }

            if (kd is not null && kd != alone && kd != kc)
            {
                Add(codePoint, KindsOf(kd, LookAlikeKinds.PathSyntax | LookAlikeKinds.Markup), "NFKD " + Show(kd));
            }

            // A layer may normalize and then convert to an ANSI code page: best-fit every form the code point can take.
            // (Two best-fit conversions in a row would need two system code pages, so one is enough.)
            foreach ((string name, string? form) in new[] { ("", alone), ("NFC ", Normalize(alone, NormalizationForm.FormC)), ("NFD ", Normalize(alone, NormalizationForm.FormD)), ("NFKC ", kc), ("NFKD ", kd) })
            {
                if (form is null || (name.Length > 0 && form == alone) || form.Any(c => c >= 0x10000 || char.IsSurrogate(c)) || (form.Length == 1 && form[0] < 0x80))
                {
                    continue;
                }

                foreach (Encoding encoding in codePages)
                {
                    // '?' is also what best-fit writes for "no mapping", so a best-fit '?' is not counted as one.
                    string converted = encoding.GetString(encoding.GetBytes(form));
                    if (converted != form)
                    {
                        Add(codePoint, KindsOf(converted, LookAlikeKinds.PathSyntax) & ~LookAlikeKinds.Question, "best-fit " + (name.Length > 0 ? "of " + name : string.Empty) + Show(converted));
                    }
                }
            }
        }

        return table;
    }

    private static string? Normalize(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            return null; // U+FFFE: .NET refuses to normalize this noncharacter
        }
    }

    private static LookAlikeKinds KindsOf(string form, LookAlikeKinds wanted)
    {
        LookAlikeKinds kinds = LookAlikeKinds.None;
        foreach (char c in form)
        {
            kinds |= c switch
            {
                '.' => LookAlikeKinds.Dot,
                '/' => LookAlikeKinds.Slash,
                '\\' => LookAlikeKinds.Backslash,
                ':' => LookAlikeKinds.Colon,
                ';' => LookAlikeKinds.Semicolon,
                '%' => LookAlikeKinds.Percent,
                '?' => LookAlikeKinds.Question,
                '#' => LookAlikeKinds.Hash,
                '<' => LookAlikeKinds.LessThan,
                '>' => LookAlikeKinds.GreaterThan,
                '&' => LookAlikeKinds.Ampersand,
                _ => LookAlikeKinds.None,
            };
        }

        if (form.Length > 0 && form.All(c => c == ' '))
        {
            kinds |= LookAlikeKinds.Space;
        }

        return kinds & (wanted | LookAlikeKinds.Space);
    }

    private static string Show(string form)
    {
        var shown = new StringBuilder("\"");
        foreach (char c in form)
        {
            shown.Append(c is >= ' ' and <= '~' && c != '"' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return shown.Append('"').ToString();
    }

    private static string Render(SortedDictionary<int, (LookAlikeKinds Kinds, string Why)> table)
    {
        var text = new StringBuilder();
        text.Append("// <auto-generated/>\n");
        text.Append("// Generated by tests/Bastion.Tests/LookAlikeTableTests.cs from " + IcuVersion() + " (NFKC and NFKD of every code point\n");
        text.Append("// U+0080..U+10FFFF alone) and the Windows best-fit tables of ANSI code pages " + string.Join(", ", AnsiCodePages) + "\n");
        text.Append("// (System.Text.Encoding.CodePages, .NET " + Environment.Version + "). Do not edit: regenerate with\n");
        text.Append("//   BASTION_ACCEPT=1 dotnet test tests/Bastion.Tests --filter LookAlikeTableTests\n");
        text.Append("namespace Bastion.Text;\n\n");
        text.Append("internal static partial class LookAlikes\n{\n");
        text.Append("    /// <summary>Code point &lt;&lt; 16 | kinds, sorted by code point (a constant span: static data, no allocation).</summary>\n");
        text.Append("    private static System.ReadOnlySpan<long> Entries =>\n    [\n");
        foreach ((int codePoint, (LookAlikeKinds kinds, string why)) in table)
        {
            string names = string.Join(" | ", Enum.GetValues<LookAlikeKinds>()
                .Where(k => k is not (LookAlikeKinds.None or LookAlikeKinds.PathSyntax or LookAlikeKinds.Markup) && kinds.HasFlag(k)));
            text.Append(CultureInfo.InvariantCulture, $"        0x{codePoint:X6}L << 16 | {names}, // U+{codePoint:X4} {why}\n");
        }

        text.Append("    ];\n}\n");
        return text.ToString();
    }

    private static string IcuVersion()
    {
        // .NET does not expose the ICU version; on Linux the loaded library's file name carries it.
        string maps = File.Exists("/proc/self/maps") ? File.ReadAllText("/proc/self/maps") : string.Empty;
        int at = maps.IndexOf("libicuuc.so.", StringComparison.Ordinal);
        if (at < 0)
        {
            return "ICU";
        }

        string version = new(maps.AsSpan(at + "libicuuc.so.".Length).ToArray().TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray());
        return "ICU " + version.TrimEnd('.');
    }
}
