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
/// once. A block with a non-ASCII character is split into the low and the high byte of each character, and the
/// compares run on bytes too: an ASCII character stands for itself, a fullwidth form U+FF01–U+FF5E for the ASCII
/// character it is shifted from (one addition on the low byte), and every other character for a letter, since it is a
/// name character unless it is one of the nine other look-alikes, which are found by their two bytes. Those nine come
/// from the generated look-alike table: <c>MarkupScanTests</c> draws its text from that table and from their
/// neighbours, so one missing or mistyped here fails it. References are found with bit arithmetic: a
/// name starts right after an ampersand; adding its start bit to the name mask carries through the run and leaves
/// one bit just after it; a semicolon there completes a reference. Whether the previous block ended on an ampersand or
/// inside a name is carried into the next, so a reference split between blocks is found too. A block costs the same
/// whatever it holds; a block with a non-ASCII character costs about twice an ASCII one, so the worst
/// text costs about as much as ordinary non-ASCII prose (benchmarks/README.md, guard cost).
/// </remarks>
internal static class MarkupScan
{
    // The fullwidth forms U+FF01–U+FF5E are the ASCII characters '!'–'~' shifted by 0xFEE0: high byte FullwidthHigh,
    // low byte the ASCII character less FullwidthToAscii.
    private const char FullwidthFirst = '\uFF01';
    private const char FullwidthLast = '\uFF5E';
    private const byte FullwidthHigh = FullwidthFirst >> 8;
    private const byte FullwidthFirstLow = FullwidthFirst & 0xFF;
    private const byte FullwidthCount = FullwidthLast - FullwidthFirst + 1;
    private const byte FullwidthToAscii = '!' - FullwidthFirstLow;

    /// <summary>True when <paramref name="text"/> holds markup or a character reference (see the class summary).</summary>
    public static bool ContainsMarkup(ReadOnlySpan<char> text) => Scan(text, wide: Vector256.IsHardwareAccelerated);

    /// <summary>
    /// The scan 32 characters at a time with 256-bit vectors (<paramref name="wide"/>), or 16 at a time with 128-bit ones
    /// (ARM64, x64 without AVX2); tests run both.
    /// </summary>
    internal static bool Scan(ReadOnlySpan<char> text, bool wide) => wide ? ScanWide(text) : ScanNarrow(text);

    // Each width compiled on its own, with everything below inlined into its loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ScanWide(ReadOnlySpan<char> text) => ScanBlocks(text, wide: true);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ScanNarrow(ReadOnlySpan<char> text) => ScanBlocks(text, wide: false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ScanBlocks(ReadOnlySpan<char> text, bool wide)
    {
        int width = wide ? 32 : 16;
        if (text.Length < width)
        {
            return ScanShort(text, wide);
        }

        var state = new BlockState();
        ref ushort first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int i = 0;
        for (; i <= text.Length - width; i += width)
        {
            if (state.Found(Block(ref first, i, wide), width))
            {
                return true;
            }
        }

        if (i == text.Length)
        {
            return false;
        }

        // The last few characters: the last whole block of the text, read again, with the characters already scanned
        // shifted out of its masks.
        int overlap = i - (text.Length - width);
        return state.Found(Block(ref first, text.Length - width, wide).ShiftedOut(overlap), width - overlap);
    }

    /// <summary>Text shorter than one block, padded with spaces (which end a name and start nothing).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ScanShort(ReadOnlySpan<char> text, bool wide)
    {
        Span<ushort> padded = stackalloc ushort[32];
        padded.Fill(' ');
        MemoryMarshal.Cast<char, ushort>(text).CopyTo(padded);
        var state = new BlockState();
        return state.Found(Block(ref padded[0], 0, wide), wide ? 32 : 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Block(ref ushort first, int at, bool wide) => wide
        ? Classify(Vector256.LoadUnsafe(ref first, (nuint)at), Vector256.LoadUnsafe(ref first, (nuint)(at + 16)))
        : Classify(Vector128.LoadUnsafe(ref first, (nuint)at), Vector128.LoadUnsafe(ref first, (nuint)(at + 8)));

    /// <summary>One bit per character of a block, the first character in bit 0.</summary>
    private readonly record struct BlockMasks(uint Markup, uint Ampersands, uint Hashes, uint Semicolons, uint Names)
    {
        /// <summary>The masks without their first <paramref name="count"/> characters.</summary>
        public BlockMasks ShiftedOut(int count) => new(Markup >> count, Ampersands >> count, Hashes >> count, Semicolons >> count, Names >> count);
    }

    /// <summary>What one block leaves for the next.</summary>
    private struct BlockState
    {
        private uint _afterAmpersand; // 1 when the previous block ended on an ampersand
        private uint _inName; // 1 when the previous block ended inside a name that follows an ampersand

        /// <summary>True when the block holds markup or completes a reference; otherwise carries its end into the state.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Found(BlockMasks block, int width)
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
        Vector256<byte> lowBytes = Vector256.Narrow(low, high);
        if (((low | high) & Vector256.Create((ushort)0xFF80)) == Vector256<ushort>.Zero)
        {
            return Classify(lowBytes);
        }

        return Classify(lowBytes, Vector256.Narrow(Vector256.ShiftRightLogical(low, 8), Vector256.ShiftRightLogical(high, 8)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Classify(Vector128<ushort> low, Vector128<ushort> high)
    {
        Vector128<byte> lowBytes = Vector128.Narrow(low, high);
        if (((low | high) & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero)
        {
            return Classify(lowBytes);
        }

        return Classify(lowBytes, Vector128.Narrow(Vector128.ShiftRightLogical(low, 8), Vector128.ShiftRightLogical(high, 8)));
    }

    /// <summary>The five masks of 32 (or 16) ASCII characters narrowed to bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Classify(Vector256<byte> ascii)
    {
        Vector256<byte> markup = Vector256.Equals(ascii, Vector256.Create((byte)'<')) | Vector256.Equals(ascii, Vector256.Create((byte)'>')) | Vector256.Equals(ascii, Vector256<byte>.Zero);
        return new BlockMasks(markup.ExtractMostSignificantBits(), Vector256.Equals(ascii, Vector256.Create((byte)'&')).ExtractMostSignificantBits(),
            Vector256.Equals(ascii, Vector256.Create((byte)'#')).ExtractMostSignificantBits(), Vector256.Equals(ascii, Vector256.Create((byte)';')).ExtractMostSignificantBits(),
            LettersAndDigits(ascii).ExtractMostSignificantBits());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Classify(Vector128<byte> ascii)
    {
        Vector128<byte> markup = Vector128.Equals(ascii, Vector128.Create((byte)'<')) | Vector128.Equals(ascii, Vector128.Create((byte)'>')) | Vector128.Equals(ascii, Vector128<byte>.Zero);
        return new BlockMasks(markup.ExtractMostSignificantBits(), Vector128.Equals(ascii, Vector128.Create((byte)'&')).ExtractMostSignificantBits(),
            Vector128.Equals(ascii, Vector128.Create((byte)'#')).ExtractMostSignificantBits(), Vector128.Equals(ascii, Vector128.Create((byte)';')).ExtractMostSignificantBits(),
            LettersAndDigits(ascii).ExtractMostSignificantBits());
    }

    /// <summary>
    /// The five masks of a block that holds a non-ASCII character, from the low and high byte of each character: an
    /// ASCII character stands for itself, a fullwidth form for its ASCII character, every other character for a letter
    /// (a name character); the nine other look-alikes are found by their two bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Classify(Vector256<byte> low, Vector256<byte> high)
    {
        Vector256<byte> ascii = Vector256.Equals(high | (low & Vector256.Create((byte)0x80)), Vector256<byte>.Zero);
        Vector256<byte> plain = Vector256.ConditionalSelect(ascii, low, Vector256.Create((byte)'a'));
        Vector256<byte> fullwidth = Vector256.Equals(high, Vector256.Create(FullwidthHigh))
            & Vector256.LessThan(low - Vector256.Create(FullwidthFirstLow), Vector256.Create(FullwidthCount));
        Vector256<byte> folded = Vector256.ConditionalSelect(fullwidth, low + Vector256.Create(FullwidthToAscii), plain);

        // Pairs of look-alikes that differ only in one bit of the low byte (U+226E/F, U+FE64/5; U+FE14, U+FE54) are
        // compared once with that bit set or cleared.
        Vector256<byte> lowOdd = low | Vector256.Create((byte)1);
        Vector256<byte> markup = Vector256.Equals(folded, Vector256.Create((byte)'<')) | Vector256.Equals(folded, Vector256.Create((byte)'>')) | Vector256.Equals(folded, Vector256<byte>.Zero)
            | Is(lowOdd, high, '\u226F') | Is(lowOdd, high, '\uFE65');
        Vector256<byte> ampersands = Vector256.Equals(folded, Vector256.Create((byte)'&')) | Is(low, high, '\uFE60');
        Vector256<byte> hashes = Vector256.Equals(folded, Vector256.Create((byte)'#')) | Is(low, high, '\uFE5F');
        Vector256<byte> semicolons = Vector256.Equals(folded, Vector256.Create((byte)';')) | Is(low, high, '\u037E')
            | Is(low & Vector256.Create(unchecked((byte)~0x40)), high, '\uFE14');
        Vector256<byte> names = Vector256.AndNot(LettersAndDigits(plain), markup | ampersands | hashes | semicolons);
        return new BlockMasks(markup.ExtractMostSignificantBits(), ampersands.ExtractMostSignificantBits(), hashes.ExtractMostSignificantBits(),
            semicolons.ExtractMostSignificantBits(), names.ExtractMostSignificantBits());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Classify(Vector128<byte> low, Vector128<byte> high)
    {
        Vector128<byte> ascii = Vector128.Equals(high | (low & Vector128.Create((byte)0x80)), Vector128<byte>.Zero);
        Vector128<byte> plain = Vector128.ConditionalSelect(ascii, low, Vector128.Create((byte)'a'));
        Vector128<byte> fullwidth = Vector128.Equals(high, Vector128.Create(FullwidthHigh))
            & Vector128.LessThan(low - Vector128.Create(FullwidthFirstLow), Vector128.Create(FullwidthCount));
        Vector128<byte> folded = Vector128.ConditionalSelect(fullwidth, low + Vector128.Create(FullwidthToAscii), plain);

        // Pairs of look-alikes that differ only in one bit of the low byte (U+226E/F, U+FE64/5; U+FE14, U+FE54) are
        // compared once with that bit set or cleared.
        Vector128<byte> lowOdd = low | Vector128.Create((byte)1);
        Vector128<byte> markup = Vector128.Equals(folded, Vector128.Create((byte)'<')) | Vector128.Equals(folded, Vector128.Create((byte)'>')) | Vector128.Equals(folded, Vector128<byte>.Zero)
            | Is(lowOdd, high, '\u226F') | Is(lowOdd, high, '\uFE65');
        Vector128<byte> ampersands = Vector128.Equals(folded, Vector128.Create((byte)'&')) | Is(low, high, '\uFE60');
        Vector128<byte> hashes = Vector128.Equals(folded, Vector128.Create((byte)'#')) | Is(low, high, '\uFE5F');
        Vector128<byte> semicolons = Vector128.Equals(folded, Vector128.Create((byte)';')) | Is(low, high, '\u037E')
            | Is(low & Vector128.Create(unchecked((byte)~0x40)), high, '\uFE14');
        Vector128<byte> names = Vector128.AndNot(LettersAndDigits(plain), markup | ampersands | hashes | semicolons);
        return new BlockMasks(markup.ExtractMostSignificantBits(), ampersands.ExtractMostSignificantBits(), hashes.ExtractMostSignificantBits(),
            semicolons.ExtractMostSignificantBits(), names.ExtractMostSignificantBits());
    }

    /// <summary>Lanes holding <paramref name="c"/>, split into its low and high byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Is(Vector256<byte> low, Vector256<byte> high, char c) =>
        Vector256.Equals(high, Vector256.Create((byte)(c >> 8))) & Vector256.Equals(low, Vector256.Create((byte)c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Is(Vector128<byte> low, Vector128<byte> high, char c) =>
        Vector128.Equals(high, Vector128.Create((byte)(c >> 8))) & Vector128.Equals(low, Vector128.Create((byte)c));

    /// <summary>
    /// ASCII letters and digits, by unsigned comparisons: c - '0' &lt; 10 for digits, (c | 0x20) - 'a' &lt; 26 for
    /// letters of either case.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> LettersAndDigits(Vector256<byte> ascii) =>
        Vector256.LessThan(ascii - Vector256.Create((byte)'0'), Vector256.Create((byte)10))
        | Vector256.LessThan((ascii | Vector256.Create((byte)0x20)) - Vector256.Create((byte)'a'), Vector256.Create((byte)26));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> LettersAndDigits(Vector128<byte> ascii) =>
        Vector128.LessThan(ascii - Vector128.Create((byte)'0'), Vector128.Create((byte)10))
        | Vector128.LessThan((ascii | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)26));
}
