using System;
using System.Buffers;

namespace Bastion.Text;

/// <summary>
/// Non-ASCII code points that another layer could turn into guard-relevant ASCII (<see cref="LookAlikeKinds"/>):
/// computed ahead of time from Unicode normalization and Windows best-fit tables, because under
/// <c>InvariantGlobalization</c> (usual for NativeAOT services) <c>string.Normalize</c> returns non-ASCII text
/// unchanged, so a guard cannot ask the runtime. The entries live in the generated <c>LookAlikes.Table.g.cs</c>;
/// <c>LookAlikeTableTests</c> recomputes them with ICU and fails when they differ (it also says how to regenerate).
/// </summary>
internal static partial class LookAlikes
{
    // Short names for the generated entries (code point << 16 | kinds).
    private const long Dot = (long)LookAlikeKinds.Dot;
    private const long Slash = (long)LookAlikeKinds.Slash;
    private const long Backslash = (long)LookAlikeKinds.Backslash;
    private const long Colon = (long)LookAlikeKinds.Colon;
    private const long Semicolon = (long)LookAlikeKinds.Semicolon;
    private const long Percent = (long)LookAlikeKinds.Percent;
    private const long Question = (long)LookAlikeKinds.Question;
    private const long Hash = (long)LookAlikeKinds.Hash;
    private const long LessThan = (long)LookAlikeKinds.LessThan;
    private const long GreaterThan = (long)LookAlikeKinds.GreaterThan;
    private const long Ampersand = (long)LookAlikeKinds.Ampersand;
    private const long Space = (long)LookAlikeKinds.Space;

    /// <summary>Every BMP look-alike plus the high surrogates (an astral look-alike starts with one), for a vectorized first scan.</summary>
    public static readonly SearchValues<char> Candidates = SearchValues.Create(CandidateCharacters());

    /// <summary>The entries as (code point, kinds), in code point order (for tests and tools).</summary>
    public static (int CodePoint, LookAlikeKinds Kinds)[] All()
    {
        ReadOnlySpan<long> entries = Entries;
        var all = new (int, LookAlikeKinds)[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            all[i] = ((int)(entries[i] >> 16), (LookAlikeKinds)(entries[i] & 0xFFFF));
        }

        return all;
    }

    /// <summary>What <paramref name="codePoint"/> can become; <see cref="LookAlikeKinds.None"/> for ASCII and everything not in the table.</summary>
    public static LookAlikeKinds KindsOf(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return LookAlikeKinds.None;
        }

        ReadOnlySpan<long> entries = Entries;
        int low = 0;
        int high = entries.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            long found = entries[middle] >> 16;
            if (found == codePoint)
            {
                return (LookAlikeKinds)(entries[middle] & 0xFFFF);
            }

            if (found < codePoint)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return LookAlikeKinds.None;
    }

    /// <summary>
    /// What the code point starting at <paramref name="text"/>[<paramref name="index"/>] can become, and how many
    /// UTF-16 units it takes (2 for a surrogate pair). A lone surrogate is <see cref="LookAlikeKinds.None"/> with
    /// length 1: callers that care refuse lone surrogates on their own.
    /// </summary>
    public static LookAlikeKinds KindsAt(ReadOnlySpan<char> text, int index, out int length)
    {
        char c = text[index];
        if (!Candidates.Contains(c))
        {
            length = 1; // the bitmap answers for nearly every character without a search
            return LookAlikeKinds.None;
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return KindsOf(char.ConvertToUtf32(c, text[index + 1]));
        }

        length = 1;
        return char.IsSurrogate(c) ? LookAlikeKinds.None : KindsOf(c);
    }

    /// <summary>The BMP characters with any of <paramref name="kinds"/>, plus the high surrogates when <paramref name="withHighSurrogates"/>.</summary>
    public static string CharactersWith(LookAlikeKinds kinds, bool withHighSurrogates)
    {
        var characters = new System.Text.StringBuilder();
        foreach (long entry in Entries)
        {
            if ((entry & (long)kinds) != 0 && entry >> 16 <= char.MaxValue)
            {
                characters.Append((char)(entry >> 16));
            }
        }

        for (char c = '\uD800'; withHighSurrogates && c <= '\uDBFF'; c++)
        {
            characters.Append(c);
        }

        return characters.ToString();
    }

    private static string CandidateCharacters()
    {
        ReadOnlySpan<long> entries = Entries;
        var characters = new System.Text.StringBuilder(entries.Length + 1024);
        foreach (long entry in entries)
        {
            long codePoint = entry >> 16;
            if (codePoint <= char.MaxValue)
            {
                characters.Append((char)codePoint);
            }
        }

        for (char c = '\uD800'; c <= '\uDBFF'; c++)
        {
            characters.Append(c);
        }

        return characters.ToString();
    }
}
