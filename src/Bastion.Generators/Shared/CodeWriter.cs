using System;
using System.Text;

namespace Bastion.Generators.Shared;

/// <summary>Indentation-aware text builder for generated C#; always writes '\n' line endings.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        int newline = text.IndexOf('\n');
        if (newline >= 0)
        {
            // Each line of a multi-line fragment gets the current indentation.
            Line(text.Substring(0, newline));
            return Line(text.Substring(newline + 1));
        }

        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public CodeWriter Open(string header)
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public IDisposable Block(string header)
    {
        Open(header);
        return new Closer(this);
    }

    /// <summary>
    /// A block whose header is a method declaration: with more than <paramref name="perLine"/> parameters, each goes on a
    /// line of its own, so long signatures stay readable in a diff.
    /// </summary>
    public IDisposable MethodBlock(string declaration, int perLine = 3, int width = int.MaxValue)
    {
        string[] lines = WrapParameters(declaration, declaration.Length > width ? 0 : perLine);
        for (int i = 0; i < lines.Length - 1; i++)
        {
            Line(lines[i]);
        }

        return Block(lines[lines.Length - 1]);
    }

    /// <summary>
    /// <paramref name="prefix"/>, the <paramref name="parts"/> joined by <paramref name="separator"/>, then
    /// <paramref name="suffix"/>: on one line when it fits in 120 characters, else one part per line under the prefix.
    /// </summary>
    public CodeWriter Joined(string prefix, System.Collections.Generic.IReadOnlyList<string> parts, string separator, string suffix)
    {
        string single = prefix + string.Join(separator, parts) + suffix;
        if (single.Length <= 120 || parts.Count < 2)
        {
            return Line(single);
        }

        Line(prefix.TrimEnd());
        for (int i = 0; i < parts.Count; i++)
        {
            Line("    " + parts[i] + (i == parts.Count - 1 ? suffix : separator.TrimEnd()));
        }

        return this;
    }

    /// <summary>Splits a declaration's parameter list (the last top-level parentheses) into one parameter per line.</summary>
    public static string[] WrapParameters(string declaration, int perLine)
    {
        int close = declaration.LastIndexOf(')');
        int open = close < 0 ? -1 : Matching(declaration, close);
        if (open < 0)
        {
            return new[] { declaration };
        }

        var parameters = new System.Collections.Generic.List<string>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < close; i++)
        {
            char c = declaration[i];
            if (c is '(' or '<' or '[')
            {
                depth++;
            }
            else if (c is ')' or '>' or ']')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                parameters.Add(declaration.Substring(start, i - start).Trim());
                start = i + 1;
            }
        }

        parameters.Add(declaration.Substring(start, close - start).Trim());
        if (parameters.Count <= perLine)
        {
            return new[] { declaration };
        }

        var lines = new string[parameters.Count + 1];
        lines[0] = declaration.Substring(0, open + 1);
        for (int i = 0; i < parameters.Count; i++)
        {
            lines[i + 1] = "    " + parameters[i] + (i < parameters.Count - 1 ? "," : declaration.Substring(close));
        }

        return lines;
    }

    private static int Matching(string text, int close)
    {
        int depth = 0;
        for (int i = close; i >= 0; i--)
        {
            if (text[i] == ')')
            {
                depth++;
            }
            else if (text[i] == '(' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    public override string ToString() => _builder.ToString();

    private sealed class Closer(CodeWriter writer) : IDisposable
    {
        public void Dispose() => writer.Close();
    }
}
