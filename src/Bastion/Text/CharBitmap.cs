using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Bastion.Text;

/// <summary>
/// A set of UTF-16 code units as a 64 Kbit table: one load and a bit test per character, whatever the set's size.
/// .NET's SearchValues picks a probabilistic map for large scattered sets (thousands of unassigned code points), which
/// costs tens of nanoseconds per character; this costs about one.
/// </summary>
internal sealed class CharBitmap
{
    private readonly ulong[] _bits = new ulong[1024];

    public CharBitmap(Func<char, bool> contains)
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (contains((char)c))
            {
                _bits[c >> 6] |= 1UL << c;
            }
        }
    }

    public bool Contains(char c) => (_bits[c >> 6] & (1UL << c)) != 0;

    /// <summary>The first index at or after <paramref name="start"/> whose character is in the set, or -1.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text, int start)
    {
        // Every index below is in range (c >> 6 < 1024, i < text.Length), so the loop reads without bounds checks.
        ref ulong bits = ref MemoryMarshal.GetArrayDataReference(_bits);
        ref char first = ref MemoryMarshal.GetReference(text);
        for (int i = start; i < text.Length; i++)
        {
            char c = Unsafe.Add(ref first, i);
            if ((Unsafe.Add(ref bits, c >> 6) & (1UL << c)) != 0)
            {
                return i;
            }
        }

        return -1;
    }
}
