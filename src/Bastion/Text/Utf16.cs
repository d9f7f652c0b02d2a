using System;

namespace Bastion.Text;

/// <summary>UTF-16 checks the guards share.</summary>
internal static class Utf16
{
    /// <summary>
    /// True when <paramref name="text"/> holds a surrogate that is not half of a pair: it has no UTF-8 form, so any
    /// layer that encodes the text (a program's argv, a file name) would silently replace it. One vectorized scan when
    /// the text has no surrogates at all.
    /// </summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (int i = text.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0;)
        {
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return true;
            }

            int next = text[(i + 2)..].IndexOfAnyInRange('\uD800', '\uDFFF');
            i = next < 0 ? -1 : i + 2 + next;
        }

        return false;
    }
}
