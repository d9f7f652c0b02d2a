using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Bastion.Generators.Sql;

/// <summary>What a piece of SQL text is.</summary>
internal enum SqlPieceKind
{
    Text,
    Parameter,
    Identifier,
}

/// <summary>
/// A piece of a [Sql] statement: literal text (kept as written, strings and comments included), an
/// <c>@parameter</c> placeholder, or a <c>{identifier}</c> placeholder. <see cref="ListStyle"/> says how a
/// collection parameter sits: <c>IN @x</c> (Bare), <c>IN (@x)</c> (Parenthesised) or <c>ANY(@x)</c> (Any).
/// </summary>
internal sealed record SqlPiece(SqlPieceKind Kind, string Text, SqlListStyle ListStyle = SqlListStyle.None);

internal enum SqlListStyle
{
    None,
    Bare,
    Parenthesised,
    Any,
}

/// <summary>
/// A small SQL lexer: enough to find placeholders outside string literals, quoted identifiers, comments and
/// PostgreSQL dollar quotes, and to notice placeholders written inside them (which would never be bound).
/// </summary>
internal static class SqlText
{
    private static readonly Regex SelectStar = new(@"\bSELECT\s+(?:DISTINCT\s+|ALL\s+|TOP\s+\d+\s+)?(?:[A-Za-z_][A-Za-z0-9_]*\s*\.\s*)?\*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex ReturnsRows = new(@"^\s*(?:SELECT|WITH|VALUES|SHOW|PRAGMA|EXPLAIN)\b|\bRETURNING\b|\bOUTPUT\s+(?:INSERTED|DELETED)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Placeholder = new(@"@[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\}", RegexOptions.CultureInvariant);

    /// <summary>Splits <paramref name="sql"/>; <paramref name="hidden"/> gets placeholders found inside literals or comments.</summary>
    public static List<SqlPiece> Split(string sql, List<string> hidden, out string code)
    {
        var pieces = new List<SqlPiece>();
        var text = new StringBuilder();
        var codeOnly = new StringBuilder();
        int i = 0;
        while (i < sql.Length)
        {
            int end = SkipQuotedOrComment(sql, i);
            if (end > i)
            {
                string skipped = sql.Substring(i, end - i);
                foreach (Match match in Placeholder.Matches(skipped))
                {
                    if (!(match.Value[0] == '@' && match.Index > 0 && skipped[match.Index - 1] == '@'))
                    {
                        hidden.Add(match.Value);
                    }
                }

                text.Append(skipped);
                codeOnly.Append(' ');
                i = end;
                continue;
            }

            char c = sql[i];
            if (c == '@' && i + 1 < sql.Length && sql[i + 1] == '@')
            {
                // @@ROWCOUNT and friends: server variables, not placeholders.
                int stop = i + 2;
                while (stop < sql.Length && IsIdentifierPart(sql[stop]))
                {
                    stop++;
                }

                text.Append(sql, i, stop - i);
                codeOnly.Append(sql, i, stop - i);
                i = stop;
                continue;
            }

            if (c == '@' && i + 1 < sql.Length && IsIdentifierStart(sql[i + 1]) && !(i > 0 && IsIdentifierPart(sql[i - 1])))
            {
                int stop = i + 1;
                while (stop < sql.Length && IsIdentifierPart(sql[stop]))
                {
                    stop++;
                }

                Flush(pieces, text);
                pieces.Add(new SqlPiece(SqlPieceKind.Parameter, sql.Substring(i + 1, stop - i - 1), ListStyleAt(sql, i, stop)));
                codeOnly.Append(sql, i, stop - i);
                i = stop;
                continue;
            }

            if (c == '{' && i + 1 < sql.Length && IsIdentifierStart(sql[i + 1]))
            {
                int stop = i + 1;
                while (stop < sql.Length && IsIdentifierPart(sql[stop]))
                {
                    stop++;
                }

                if (stop < sql.Length && sql[stop] == '}')
                {
                    Flush(pieces, text);
                    pieces.Add(new SqlPiece(SqlPieceKind.Identifier, sql.Substring(i + 1, stop - i - 1)));
                    codeOnly.Append('x');
                    i = stop + 1;
                    continue;
                }
            }

            text.Append(c);
            codeOnly.Append(c);
            i++;
        }

        Flush(pieces, text);
        code = codeOnly.ToString();
        return pieces;
    }

    /// <summary>True when the statement (outside literals and comments) selects <c>*</c>.</summary>
    public static bool SelectsStar(string code) => SelectStar.IsMatch(code);

    /// <summary>True when the statement returns rows (SELECT, WITH, VALUES, or RETURNING/OUTPUT).</summary>
    public static bool ReturnsRowsFrom(string code) => ReturnsRows.IsMatch(code);

    private static SqlListStyle ListStyleAt(string sql, int start, int stop)
    {
        string before = sql.Substring(0, start).TrimEnd();
        string after = sql.Substring(stop).TrimStart();
        if (EndsWithWord(before, "IN"))
        {
            return SqlListStyle.Bare;
        }

        if (before.EndsWith("(", System.StringComparison.Ordinal) && after.StartsWith(")", System.StringComparison.Ordinal))
        {
            string outer = before.Substring(0, before.Length - 1).TrimEnd();
            if (EndsWithWord(outer, "IN"))
            {
                return SqlListStyle.Parenthesised;
            }

            if (EndsWithWord(outer, "ANY"))
            {
                return SqlListStyle.Any;
            }
        }

        return SqlListStyle.None;
    }

    private static bool EndsWithWord(string text, string word)
        => text.EndsWith(word, System.StringComparison.OrdinalIgnoreCase)
           && (text.Length == word.Length || !IsIdentifierPart(text[text.Length - word.Length - 1]));

    private static void Flush(List<SqlPiece> pieces, StringBuilder text)
    {
        if (text.Length > 0)
        {
            pieces.Add(new SqlPiece(SqlPieceKind.Text, text.ToString()));
            text.Clear();
        }
    }

    /// <summary>The index just past a string literal, quoted identifier, comment or dollar quote starting at <paramref name="i"/>, or <paramref name="i"/>.</summary>
    private static int SkipQuotedOrComment(string sql, int i)
    {
        char c = sql[i];
        char next = i + 1 < sql.Length ? sql[i + 1] : '\0';
        if (c == '-' && next == '-')
        {
            int end = sql.IndexOf('\n', i);
            return end < 0 ? sql.Length : end;
        }

        if (c == '/' && next == '*')
        {
            int depth = 0;
            for (int j = i; j < sql.Length - 1; j++)
            {
                if (sql[j] == '/' && sql[j + 1] == '*')
                {
                    depth++;
                    j++;
                }
                else if (sql[j] == '*' && sql[j + 1] == '/')
                {
                    depth--;
                    j++;
                    if (depth == 0)
                    {
                        return j + 1;
                    }
                }
            }

            return sql.Length;
        }

        if (c == '\'' || c == '"' || c == '`')
        {
            bool backslashEscapes = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && (i < 2 || !IsIdentifierPart(sql[i - 2]));
            for (int j = i + 1; j < sql.Length; j++)
            {
                if (backslashEscapes && sql[j] == '\\')
                {
                    j++;
                }
                else if (sql[j] == c)
                {
                    if (j + 1 < sql.Length && sql[j + 1] == c)
                    {
                        j++;
                    }
                    else
                    {
                        return j + 1;
                    }
                }
            }

            return sql.Length;
        }

        if (c == '$' && (i == 0 || !IsIdentifierPart(sql[i - 1])))
        {
            int close = i + 1;
            while (close < sql.Length && IsIdentifierPart(sql[close]))
            {
                close++;
            }

            bool tagOk = close < sql.Length && sql[close] == '$' && (close == i + 1 || !char.IsDigit(sql[i + 1]));
            if (tagOk)
            {
                string tag = sql.Substring(i, close - i + 1);
                int end = sql.IndexOf(tag, close + 1, System.StringComparison.Ordinal);
                return end < 0 ? sql.Length : end + tag.Length;
            }
        }

        return i;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
