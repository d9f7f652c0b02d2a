using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Bastion.Text;

namespace Bastion.Html;

/// <summary>
/// The scan behind <see cref="HtmlText.ContainsMarkup"/> for text that holds an ampersand or a non-ASCII character:
/// markup characters (<c>&lt;</c>, <c>&gt;</c>, NUL and their normalization look-alikes) and character references (an
/// ampersand followed by <c>#</c>, or by a name and <c>;</c>, each also as a look-alike). A name is a run of ASCII
/// letters or digits or non-ASCII characters other than those look-alikes.
/// </summary>
/// <remarks>
/// The text is read 16 or 8 characters at a time. Each block becomes five bit masks (markup, ampersands, hashes,
/// semicolons, name characters), and references are found with bit arithmetic: a name starts right after an ampersand;
/// adding its start bit to the name mask carries through the run and leaves one bit just after it; a semicolon there
/// completes a reference. Whether the previous block ended on an ampersand or inside a name is carried into the next,
/// so a reference split between blocks is found too. A block costs the same whatever it holds, except that a block of
/// ASCII characters skips the look-alike comparisons: text dense with ampersands (the worst case for a search that stops
/// at each one) costs at most about twice what ordinary non-ASCII prose costs (benchmarks/README.md, guard cost).
/// </remarks>
internal static class MarkupScan
{
    // Every look-alike below is non-ASCII; the ASCII characters themselves are compared separately.
    private static readonly string MarkupLookAlikes = LookAlikes.CharactersWith(LookAlikeKinds.LessThan | LookAlikeKinds.GreaterThan, withHighSurrogates: false);
    private static readonly string AmpersandLookAlikes = LookAlikes.CharactersWith(LookAlikeKinds.Ampersand, withHighSurrogates: false);
    private static readonly string HashLookAlikes = LookAlikes.CharactersWith(LookAlikeKinds.Hash, withHighSurrogates: false);
    private static readonly string SemicolonLookAlikes = LookAlikes.CharactersWith(LookAlikeKinds.Semicolon, withHighSurrogates: false);

    /// <summary>True when <paramref name="text"/> holds markup or a character reference (see the class summary).</summary>
    public static bool ContainsMarkup(ReadOnlySpan<char> text)
    {
        var state = new BlockState();
        ref ushort first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                if (state.Found(Classify(Vector256.LoadUnsafe(ref first, (nuint)i)), Vector256<ushort>.Count))
                {
                    return true;
                }
            }
        }

        for (; i <= text.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
        {
            if (state.Found(Classify(Vector128.LoadUnsafe(ref first, (nuint)i)), Vector128<ushort>.Count))
            {
                return true;
            }
        }

        if (i == text.Length)
        {
            return false;
        }

        // The last few characters, padded with spaces (which end a name and start nothing).
        Span<ushort> tail = stackalloc ushort[Vector128<ushort>.Count];
        tail.Fill(' ');
        MemoryMarshal.Cast<char, ushort>(text[i..]).CopyTo(tail);
        return state.Found(Classify(Vector128.Create<ushort>(tail)), Vector128<ushort>.Count);
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
            uint all = (1u << width) - 1;

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
    private static BlockMasks Classify(Vector256<ushort> block)
    {
        Vector256<ushort> markup = Vector256.Equals(block, Vector256.Create((ushort)'<')) | Vector256.Equals(block, Vector256.Create((ushort)'>')) | Vector256.Equals(block, Vector256<ushort>.Zero);
        Vector256<ushort> ampersands = Vector256.Equals(block, Vector256.Create((ushort)'&'));
        Vector256<ushort> hashes = Vector256.Equals(block, Vector256.Create((ushort)'#'));
        Vector256<ushort> semicolons = Vector256.Equals(block, Vector256.Create((ushort)';'));
        Vector256<ushort> nonAscii = Vector256.GreaterThan(block, Vector256.Create((ushort)0x7F));
        if (nonAscii != Vector256<ushort>.Zero)
        {
            markup |= AnyOf(block, MarkupLookAlikes);
            ampersands |= AnyOf(block, AmpersandLookAlikes);
            hashes |= AnyOf(block, HashLookAlikes);
            semicolons |= AnyOf(block, SemicolonLookAlikes);
        }

        // Unsigned comparisons: c - '0' < 10 for digits, (c | 0x20) - 'a' < 26 for ASCII letters of either case.
        Vector256<ushort> names = Vector256.LessThan(block - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10))
            | Vector256.LessThan((block | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26))
            | Vector256.AndNot(nonAscii, markup | ampersands | hashes | semicolons);
        return new BlockMasks(markup.ExtractMostSignificantBits(), ampersands.ExtractMostSignificantBits(), hashes.ExtractMostSignificantBits(),
            semicolons.ExtractMostSignificantBits(), names.ExtractMostSignificantBits());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockMasks Classify(Vector128<ushort> block)
    {
        Vector128<ushort> markup = Vector128.Equals(block, Vector128.Create((ushort)'<')) | Vector128.Equals(block, Vector128.Create((ushort)'>')) | Vector128.Equals(block, Vector128<ushort>.Zero);
        Vector128<ushort> ampersands = Vector128.Equals(block, Vector128.Create((ushort)'&'));
        Vector128<ushort> hashes = Vector128.Equals(block, Vector128.Create((ushort)'#'));
        Vector128<ushort> semicolons = Vector128.Equals(block, Vector128.Create((ushort)';'));
        Vector128<ushort> nonAscii = Vector128.GreaterThan(block, Vector128.Create((ushort)0x7F));
        if (nonAscii != Vector128<ushort>.Zero)
        {
            markup |= AnyOf(block, MarkupLookAlikes);
            ampersands |= AnyOf(block, AmpersandLookAlikes);
            hashes |= AnyOf(block, HashLookAlikes);
            semicolons |= AnyOf(block, SemicolonLookAlikes);
        }

        Vector128<ushort> names = Vector128.LessThan(block - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10))
            | Vector128.LessThan((block | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26))
            | Vector128.AndNot(nonAscii, markup | ampersands | hashes | semicolons);
        return new BlockMasks(markup.ExtractMostSignificantBits(), ampersands.ExtractMostSignificantBits(), hashes.ExtractMostSignificantBits(),
            semicolons.ExtractMostSignificantBits(), names.ExtractMostSignificantBits());
    }

    private static Vector256<ushort> AnyOf(Vector256<ushort> block, string characters)
    {
        Vector256<ushort> found = Vector256<ushort>.Zero;
        foreach (char c in characters)
        {
            found |= Vector256.Equals(block, Vector256.Create((ushort)c));
        }

        return found;
    }

    private static Vector128<ushort> AnyOf(Vector128<ushort> block, string characters)
    {
        Vector128<ushort> found = Vector128<ushort>.Zero;
        foreach (char c in characters)
        {
            found |= Vector128.Equals(block, Vector128.Create((ushort)c));
        }

        return found;
    }
}
