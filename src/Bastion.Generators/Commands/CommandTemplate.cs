using System.Collections.Generic;
using System.Text;

namespace Bastion.Generators.Commands;

/// <summary>
/// Parses one [SafeCommand] argument: <c>{name}</c> is a placeholder, <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
internal static class CommandTemplate
{
    /// <summary>The pieces of <paramref name="argument"/>, or null with <paramref name="error"/> set.</summary>
    public static List<CommandTemplatePiece>? Parse(string argument, out string? error)
    {
        error = null;
        var pieces = new List<CommandTemplatePiece>();
        var text = new StringBuilder();
        for (int i = 0; i < argument.Length; i++)
        {
            char c = argument[i];
            if (c == '{' && i + 1 < argument.Length && argument[i + 1] == '{')
            {
                text.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < argument.Length && argument[i + 1] == '}')
            {
                text.Append('}');
                i++;
            }
            else if (c == '{')
            {
                int end = argument.IndexOf('}', i + 1);
                string name = end < 0 ? string.Empty : argument.Substring(i + 1, end - i - 1);
                if (!IsIdentifier(name))
                {
                    error = "'{' must start a placeholder like {name} (write '{{' for a literal brace)";
                    return null;
                }

                if (text.Length > 0)
                {
                    pieces.Add(new CommandTemplatePiece(text.ToString(), IsParameter: false));
                    text.Clear();
                }

                pieces.Add(new CommandTemplatePiece(name, IsParameter: true));
                i = end;
            }
            else if (c == '}')
            {
                error = "'}' has no opening '{' (write '}}' for a literal brace)";
                return null;
            }
            else
            {
                text.Append(c);
            }
        }

        if (text.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(new CommandTemplatePiece(text.ToString(), IsParameter: false));
        }

        return pieces;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
