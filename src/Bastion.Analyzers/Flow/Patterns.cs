namespace Bastion.Analyzers.Flow;

/// <summary>
/// What a successful full match of a regular expression proves about the input: the pattern must be anchored at both
/// ends (<c>^…$</c> or <c>\A…\z</c>) with no top-level alternation; then the characters it can match decide which
/// families the input is safe for. An unanchored pattern proves nothing.
/// </summary>
internal static class Patterns
{
    public static Safe Proves(string pattern)
    {
        if (!IsAnchored(pattern))
        {
            return Safe.None;
        }

        var permitted = new bool[128];
        bool wildcard = false;
        bool dotRepeats = false;
        bool firstCanBeDash = true;
        bool first = true;
        int depth = 0;
        for (int i = Start(pattern); i < End(pattern); i++)
        {
            char c = pattern[i];
            bool atomAllowsDot = false;
            bool atomAllowsDash = false;
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    Escape(pattern[i], permitted, ref atomAllowsDot, ref atomAllowsDash);
                    break;
                case '[':
                {
                    int close = ClassEnd(pattern, i);
                    Class(pattern, i + 1, close, permitted, ref atomAllowsDot, ref atomAllowsDash);
                    i = close;
                    break;
                }

                case '.':
                    wildcard = true;
                    atomAllowsDot = atomAllowsDash = true;
                    break;
                case '(':
                    depth++;
                    if (i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] == ':')
                    {
                        i += 2;
                    }

                    continue;
                case ')':
                    depth--;
                    continue;
                case '|':
                    if (depth == 0)
                    {
                        return Safe.None;
                    }

                    continue;
                case '*' or '+' or '?' or '{':
                    if (c == '{')
                    {
                        int close = pattern.IndexOf('}', i);
                        i = close < 0 ? i : close;
                    }

                    continue;
                default:
                    if (c < 128)
                    {
                        permitted[c] = true;
                    }

                    atomAllowsDot = c == '.';
                    atomAllowsDash = c == '-';
                    break;
            }

            if (atomAllowsDot && Repeated(pattern, i))
            {
                dotRepeats = true;
            }

            if (first)
            {
                firstCanBeDash = atomAllowsDash;
                first = false;
            }
        }

        if (wildcard)
        {
            return Safe.None;
        }

        Safe safe = Safe.None;
        if (!Any(permitted, "'\";-() \t\r\n\\*/"))
        {
            safe |= Safe.Sql;
        }

        if (!Any(permitted, ";&|`$()<>'\" \t\r\n\\*?~!{}[]"))
        {
            safe |= Safe.Shell;
        }

        if (!firstCanBeDash)
        {
            safe |= Safe.Option;
        }

        if (!Any(permitted, "/\\:") && !dotRepeats && !permitted['\0'])
        {
            safe |= Safe.Path | Safe.NoSlash | Safe.NoBackslash | Safe.NoDotDot;
        }

        if (!Any(permitted, "<>\"'&"))
        {
            safe |= Safe.Html;
        }

        if (!permitted[':'])
        {
            safe |= Safe.Url;
        }

        return safe | Safe.Cors;
    }

    private static bool IsAnchored(string pattern)
        => (pattern.StartsWith("^", System.StringComparison.Ordinal) || pattern.StartsWith("\\A", System.StringComparison.Ordinal))
           && ((pattern.EndsWith("$", System.StringComparison.Ordinal) && !pattern.EndsWith("\\$", System.StringComparison.Ordinal))
               || pattern.EndsWith("\\z", System.StringComparison.Ordinal) || pattern.EndsWith("\\Z", System.StringComparison.Ordinal));

    private static int Start(string pattern) => pattern[0] == '^' ? 1 : 2;

    private static int End(string pattern) => pattern[pattern.Length - 1] == '$' ? pattern.Length - 1 : pattern.Length - 2;

    private static bool Repeated(string pattern, int atomEnd)
        => atomEnd + 1 < pattern.Length && pattern[atomEnd + 1] is '*' or '+' or '{';

    private static int ClassEnd(string pattern, int open)
    {
        for (int i = open + 1; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == ']' && i > open + 1)
            {
                return i;
            }
        }

        return pattern.Length - 1;
    }

    private static void Class(string pattern, int from, int to, bool[] permitted, ref bool dot, ref bool dash)
    {
        bool negated = from < to && pattern[from] == '^';
        if (negated)
        {
            for (int c = 0; c < 128; c++)
            {
                permitted[c] = true;
            }

            dot = dash = true;
            return;
        }

        for (int i = from; i < to; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < to)
            {
                i++;
                Escape(pattern[i], permitted, ref dot, ref dash);
                continue;
            }

            if (i + 2 < to && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                for (int x = c; x <= pattern[i + 2] && x < 128; x++)
                {
                    permitted[x] = true;
                }

                dot |= c <= '.' && '.' <= pattern[i + 2];
                dash |= c <= '-' && '-' <= pattern[i + 2];
                i += 2;
                continue;
            }

            if (c < 128)
            {
                permitted[c] = true;
            }

            dot |= c == '.';
            dash |= c == '-';
        }
    }

    private static void Escape(char c, bool[] permitted, ref bool dot, ref bool dash)
    {
        switch (c)
        {
            case 'd':
                Range(permitted, '0', '9');
                break;
            case 'w':
                Range(permitted, '0', '9');
                Range(permitted, 'a', 'z');
                Range(permitted, 'A', 'Z');
                permitted['_'] = true;
                break;
            case 's':
                permitted[' '] = permitted['\t'] = permitted['\n'] = permitted['\r'] = true;
                break;
            case 'D' or 'W' or 'S':
                for (int x = 0; x < 128; x++)
                {
                    permitted[x] = true;
                }

                dot = dash = true;
                break;
            default:
                if (c < 128)
                {
                    permitted[c] = true;
                }

                dot |= c == '.';
                dash |= c == '-';
                break;
        }
    }

    private static void Range(bool[] permitted, char from, char to)
    {
        for (int x = from; x <= to; x++)
        {
            permitted[x] = true;
        }
    }

    private static bool Any(bool[] permitted, string characters)
    {
        foreach (char c in characters)
        {
            if (c < 128 && permitted[c])
            {
                return true;
            }
        }

        return false;
    }
}
