using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Bastion.Generators.Shared;

/// <summary>Turns attribute text (hostile input to the emitter) into C# literals and comment text.</summary>
internal static class Literal
{
    /// <summary>
    /// A quoted, fully escaped C# string literal. Quotes, backslashes and control characters are escaped
    /// by <see cref="SymbolDisplay.FormatLiteral(string, bool)"/>; bidi and other invisible format
    /// characters are escaped too, so a reviewer sees exactly what the string holds.
    /// </summary>
    public static string String(string? value) => value is null ? "null" : ShowInvisible(SymbolDisplay.FormatLiteral(value, quote: true));

    /// <summary>
    /// <paramref name="value"/> as literals to join with <c>+</c> (still one constant), each holding at most about
    /// <paramref name="width"/> characters: cut after a line break, else after the last space before the width, so a
    /// long SQL statement or manifest row reads on several short lines. Never cuts a surrogate pair.
    /// </summary>
    public static System.Collections.Generic.List<string> Pieces(string value, int width = 100)
    {
        var pieces = new System.Collections.Generic.List<string>();
        int start = 0;
        while (start < value.Length)
        {
            int end = System.Math.Min(value.Length, start + width);
            int newline = value.IndexOf('\n', start, end - start);
            if (newline >= 0)
            {
                end = newline + 1;
            }
            else if (end < value.Length)
            {
                int space = value.LastIndexOf(' ', end - 1, end - start);
                if (space > start)
                {
                    end = space + 1;
                }
                else if (char.IsHighSurrogate(value[end - 1]))
                {
                    end--;
                }
            }

            pieces.Add(String(value.Substring(start, end - start)));
            start = end;
        }

        if (pieces.Count == 0)
        {
            pieces.Add("\"\"");
        }

        return pieces;
    }

    /// <summary>Text safe inside a single-line <c>//</c> comment or XML doc line.</summary>
    public static string Comment(string value)
        => ShowInvisible(SymbolDisplay.FormatLiteral(value, quote: false)).Replace("*/", "*\\/").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string ShowInvisible(string text)
    {
        StringBuilder? builder = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool invisible = char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || c == '\u0085' || char.IsControl(c);
            if (invisible)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length + 16);
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }
}
