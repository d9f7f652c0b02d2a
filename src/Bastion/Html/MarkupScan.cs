using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Bastion.Html;

/// <summary>
/// The scan behind <see cref="HtmlText.ContainsMarkup"/> for text that holds an ampersand or a non-ASCII character:
/// markup characters (<c>&lt;</c>, <c>&gt;</c>, NUL and their normalization look-alikes) and character references (an
/// ampersand followed by <c>#</c>, or by a name and <c>;</c>, each also as a look-alike). A name is a run of ASCII
/// letters or digits or non-ASCII characters other than those look-alikes.
/// </summary>
/// <remarks>
/// The text is read 32 characters at a time (16 without 256-bit vectors), and each block becomes five bit masks (markup,
/// ampersands, hashes, semicolons, name characters). A block of ASCII characters is narrowed to bytes and compared
/// once. In a block with a non-ASCII character, the look-alikes are found among 16-bit characters: the fullwidth
/// forms U+FF01–U+FF5E are ASCII shifted by 0xFEE0, so one subtraction lets the ASCII compares find the five of them,
/// and the nine others (from the generated look-alike table: <c>MarkupScanTests</c> draws its text from that table,
/// so one missing here fails it) are compared one by one in <c>Kinds</c>. References are found with bit arithmetic: a
/// name starts right after an ampersand; adding its start bit to the name mask carries through the run and leaves
/// one bit just after it; a semicolon there completes a reference. Whether the previous block ended on an ampersand or
/// inside a name is carried into the next, so a reference split between blocks is found too. A block costs the same
/// whatever it holds; a block with a non-ASCII character costs nearly three times an ASCII one, so the worst
/// text costs about as much as ordinary non-ASCII prose (benchmarks/README.md, guard cost).
/// </remarks>
internal static class MarkupScan
{
    // The fullwidth forms U+FF01–U+FF5E are the ASCII characters '!'–'~' shifted by FullwidthShift.
    private const char FullwidthFirst = '\uFF01';
    private const char FullwidthLast = '\uFF5E';
    private const ushort FullwidthShift = FullwidthFirst - '!';

    /// <summary>True when <paramref name="text"/> holds markup or a character reference (see the class summary).</summary>
    public static bool ContainsMarkup(ReadOnlySpan<char> text) => Scan(text, wide: Vector256.IsHardwareAccelerated);

    /// <summary>
    /// The scan 32 characters at a time with 256-bit vectors (<paramref name="wide"/>), or 16 at a time with 128-bit ones
    /// (ARM64, x64 without AVX2). Inlined with a constant, so only one of the two is compiled; tests run both.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Scan(ReadOnlySpan<char> text, bool wide)
    {
        var state = new BlockState();
        ref ushort first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int i = 0;
        int width = wide ? 32 : 16;
        for (; i <= text.Length - width; i += width)
        {
            if (wide
                ? state.Found(Classify(Vector256.LoadUnsafe(ref first, (nuint)i), Vector256.LoadUnsafe(ref first, (nuint)(i + 16))), 32)
                : state.Found(Classify(Vector128.LoadUnsafe(ref first, (nuint)i), Vector128.LoadUnsafe(ref first, (nuint)(i + 8))), 16))
            {
                return true;
            }
        }

        if (i == text.Length)
        {
            return false;
        }

        // The last few characters, padded with spaces (which end a name and start nothing).
        Span<ushort> tail = stackalloc ushort[32];
        tail.Fill(' ');
        MemoryMarshal.Cast<char, ushort>(text[i..]).CopyTo(tail);
        return wide
            ? state.Found(Classify(Vector256.Create<ushort>(tail), Vector256.Create<ushort>(tail[16..])), 32)
            : state.Found(Classify(Vector128.Create<ushort>(tail), Vector128.Create<ushort>(tail[8..])), 16);
    }

    /// <summary>One bit per character of a block, the first character in bit 0.</summary>
    private readonly record struct BlockMasks(uint Markup, uint Ampersands, uint Hashes, uint Semicolons, uint Names);

    /// <summary>What one block leaves for the next.</summary>
    private struct BlockState
    {
        private uint _afterAmpersand; // 1 when the previous block ended on an ampersand
        private uint _inName; // 1 when the previous block ended inside a name that follows an ampersand

        /// <summary>True when the block holds markup or completes a reference; otherwise carries its end into the state.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Found(in BlockMasks block, int width)
        {
            uint all = uint.MaxValue >> (32 - width);

            // Bit k: character k follows an ampersand (the previous block's last character counts for k = 0).
            uint followsAmpersand = ((block.Ampersands << 1) | _afterAmpersand) & all;

            // Each name that starts after an ampersand (or continues from the previous block) carries through its run
            // and sets the bit of the character just after it; a semicolon there completes a reference.
            ulong sum = (ulong)block.Names + (followsAmpersand & block.Names) + _inName;
            uint afterName = (uint)sum & ~block.Names & all;
            if ((block.Markup | (followsAmpersand & block.Hashes) | (afterName & block.Semicolons)) != 0)
            {
                return true;
            }

            _inName = (uint)(sum >> width);
            _afterAmpersand = block.Ampersands >> (width - 1);
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Classify(Vector256<ushort> low, Vector256<ushort> high)
    {
        if (((low | high) & Vector256.Create((ushort)0xFF80)) == Vector256<ushort>.Zero)
        {
            return Classify(Vector256.Narrow(low, high));
        }

        Kinds256 l = Kinds(low), h = Kinds(high);
        return new BlockMasks(Vector256.Narrow(l.Markup, h.Markup).ExtractMostSignificantBits(), Vector256.Narrow(l.Ampersands, h.Ampersands).ExtractMostSignificantBits(),
            Vector256.Narrow(l.Hashes, h.Hashes).ExtractMostSignificantBits(), Vector256.Narrow(l.Semicolons, h.Semicolons).ExtractMostSignificantBits(),
            Vector256.Narrow(l.Names, h.Names).ExtractMostSignificantBits());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Classify(Vector128<ushort> low, Vector128<ushort> high)
    {
        if (((low | high) & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero)
        {
            return Classify(Vector128.Narrow(low, high));
        }

        Kinds128 l = Kinds(low), h = Kinds(high);
        return new BlockMasks(Vector128.Narrow(l.Markup, h.Markup).ExtractMostSignificantBits(), Vector128.Narrow(l.Ampersands, h.Ampersands).ExtractMostSignificantBits(),
            Vector128.Narrow(l.Hashes, h.Hashes).ExtractMostSignificantBits(), Vector128.Narrow(l.Semicolons, h.Semicolons).ExtractMostSignificantBits(),
            Vector128.Narrow(l.Names, h.Names).ExtractMostSignificantBits());
    }

    private readonly record struct Kinds256(Vector256<ushort> Markup, Vector256<ushort> Ampersands, Vector256<ushort> Hashes, Vector256<ushort> Semicolons, Vector256<ushort> Names);

    private readonly record struct Kinds128(Vector128<ushort> Markup, Vector128<ushort> Ampersands, Vector128<ushort> Hashes, Vector128<ushort> Semicolons, Vector128<ushort> Names);

    /// <summary>The five masks of a block that holds a non-ASCII character, one lane per character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Kinds256 Kinds(Vector256<ushort> block)
    {
        Vector256<ushort> fullwidth = Vector256.LessThan(block - Vector256.Create((ushort)FullwidthFirst), Vector256.Create((ushort)(FullwidthLast - FullwidthFirst + 1)));
        Vector256<ushort> folded = Vector256.ConditionalSelect(fullwidth, block - Vector256.Create(FullwidthShift), block);
        Vector256<ushort> markup = Vector256.Equals(folded, Vector256.Create((ushort)'<')) | Vector256.Equals(folded, Vector256.Create((ushort)'>')) | Vector256.Equals(block, Vector256<ushort>.Zero)
            | Vector256.Equals(block, Vector256.Create((ushort)'\u226E')) | Vector256.Equals(block, Vector256.Create((ushort)'\u226F'))
            | Vector256.Equals(block, Vector256.Create((ushort)'\uFE64')) | Vector256.Equals(block, Vector256.Create((ushort)'\uFE65'));
        Vector256<ushort> ampersands = Vector256.Equals(folded, Vector256.Create((ushort)'&')) | Vector256.Equals(block, Vector256.Create((ushort)'\uFE60'));
        Vector256<ushort> hashes = Vector256.Equals(folded, Vector256.Create((ushort)'#')) | Vector256.Equals(block, Vector256.Create((ushort)'\uFE5F'));
        Vector256<ushort> semicolons = Vector256.Equals(folded, Vector256.Create((ushort)';')) | Vector256.Equals(block, Vector256.Create((ushort)'\u037E'))
            | Vector256.Equals(block, Vector256.Create((ushort)'\uFE14')) | Vector256.Equals(block, Vector256.Create((ushort)'\uFE54'));

        // Unsigned comparisons: c - '0' < 10 for digits, (c | 0x20) - 'a' < 26 for ASCII letters of either case; every
        // non-ASCII character other than the look-alikes is a name character.
        Vector256<ushort> names = Vector256.LessThan(block - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10))
            | Vector256.LessThan((block | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26))
            | Vector256.AndNot(Vector256.GreaterThan(block, Vector256.Create((ushort)0x7F)), markup | ampersands | hashes | semicolons);
        return new Kinds256(markup, ampersands, hashes, semicolons, names);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Kinds128 Kinds(Vector128<ushort> block)
    {
        Vector128<ushort> fullwidth = Vector128.LessThan(block - Vector128.Create((ushort)FullwidthFirst), Vector128.Create((ushort)(FullwidthLast - FullwidthFirst + 1)));
        Vector128<ushort> folded = Vector128.ConditionalSelect(fullwidth, block - Vector128.Create(FullwidthShift), block);
        Vector128<ushort> markup = Vector128.Equals(folded, Vector128.Create((ushort)'<')) | Vector128.Equals(folded, Vector128.Create((ushort)'>')) | Vector128.Equals(block, Vector128<ushort>.Zero)
            | Vector128.Equals(block, Vector128.Create((ushort)'\u226E')) | Vector128.Equals(block, Vector128.Create((ushort)'\u226F'))
            | Vector128.Equals(block, Vector128.Create((ushort)'\uFE64')) | Vector128.Equals(block, Vector128.Create((ushort)'\uFE65'));
        Vector128<ushort> ampersands = Vector128.Equals(folded, Vector128.Create((ushort)'&')) | Vector128.Equals(block, Vector128.Create((ushort)'\uFE60'));
        Vector128<ushort> hashes = Vector128.Equals(folded, Vector128.Create((ushort)'#')) | Vector128.Equals(block, Vector128.Create((ushort)'\uFE5F'));
        Vector128<ushort> semicolons = Vector128.Equals(folded, Vector128.Create((ushort)';')) | Vector128.Equals(block, Vector128.Create((ushort)'\u037E'))
            | Vector128.Equals(block, Vector128.Create((ushort)'\uFE14')) | Vector128.Equals(block, Vector128.Create((ushort)'\uFE54'));
        Vector128<ushort> names = Vector128.LessThan(block - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10))
            | Vector128.LessThan((block | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26))
            | Vector128.AndNot(Vector128.GreaterThan(block, Vector128.Create((ushort)0x7F)), markup | ampersands | hashes | semicolons);
        return new Kinds128(markup, ampersands, hashes, semicolons, names);
    }

    /// <summary>The five masks of 32 (or 16) ASCII characters narrowed to bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Classify(Vector256<byte> ascii)
    {
        Vector256<byte> markup = Vector256.Equals(ascii, Vector256.Create((byte)'<')) | Vector256.Equals(ascii, Vector256.Create((byte)'>')) | Vector256.Equals(ascii, Vector256<byte>.Zero);
        Vector256<byte> names = Vector256.LessThan(ascii - Vector256.Create((byte)'0'), Vector256.Create((byte)10))
            | Vector256.LessThan((ascii | Vector256.Create((byte)0x20)) - Vector256.Create((byte)'a'), Vector256.Create((byte)26));
        return new BlockMasks(markup.ExtractMostSignificantBits(), Vector256.Equals(ascii, Vector256.Create((byte)'&')).ExtractMostSignificantBits(),
            Vector256.Equals(ascii, Vector256.Create((byte)'#')).ExtractMostSignificantBits(), Vector256.Equals(ascii, Vector256.Create((byte)';')).ExtractMostSignificantBits(),
            names.ExtractMostSignificantBits());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Classify(Vector128<byte> ascii)
    {
        Vector128<byte> markup = Vector128.Equals(ascii, Vector128.Create((byte)'<')) | Vector128.Equals(ascii, Vector128.Create((byte)'>')) | Vector128.Equals(ascii, Vector128<byte>.Zero);
        Vector128<byte> names = Vector128.LessThan(ascii - Vector128.Create((byte)'0'), Vector128.Create((byte)10))
            | Vector128.LessThan((ascii | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)26));
        return new BlockMasks(markup.ExtractMostSignificantBits(), Vector128.Equals(ascii, Vector128.Create((byte)'&')).ExtractMostSignificantBits(),
            Vector128.Equals(ascii, Vector128.Create((byte)'#')).ExtractMostSignificantBits(), Vector128.Equals(ascii, Vector128.Create((byte)';')).ExtractMostSignificantBits(),
            names.ExtractMostSignificantBits());
    }
}
