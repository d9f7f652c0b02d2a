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
