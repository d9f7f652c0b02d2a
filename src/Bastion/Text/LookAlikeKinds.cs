using System;

namespace Bastion.Text;

/// <summary>
/// Which guard-relevant ASCII characters a non-ASCII code point can become in another layer: the characters
/// present in its NFKC or NFKD form, or (for path syntax and spaces) in its Windows best-fit conversion to an
/// ANSI code page. <see cref="LookAlikes"/> holds the generated table.
/// </summary>
[Flags]
internal enum LookAlikeKinds : ushort
{
    None = 0,

    /// <summary><c>.</c>: dot segments and extensions.</summary>
    Dot = 1 << 0,

    /// <summary><c>/</c>: a separator.</summary>
    Slash = 1 << 1,

    /// <summary><c>\</c>: a separator on Windows (and for layers that treat it as one).</summary>
    Backslash = 1 << 2,

    /// <summary><c>:</c>: drive and alternate-data-stream syntax.</summary>
    Colon = 1 << 3,

    /// <summary><c>;</c>: starts a path parameter, which servlet-style layers strip.</summary>
    Semicolon = 1 << 4,

    /// <summary><c>%</c>: starts an escape that another decoding pass would decode.</summary>
    Percent = 1 << 5,

    /// <summary><c>?</c>: ends the path when the value is put in a URL (normalization only: best-fit writes <c>?</c> for "no mapping").</summary>
    Question = 1 << 6,

    /// <summary><c>#</c>: ends the path when the value is put in a URL.</summary>
    Hash = 1 << 7,

    /// <summary><c>&lt;</c>: opens a tag.</summary>
    LessThan = 1 << 8,

    /// <summary><c>&gt;</c>: closes a tag.</summary>
    GreaterThan = 1 << 9,

    /// <summary><c>&amp;</c>: starts a character reference.</summary>
    Ampersand = 1 << 10,

    /// <summary>Becomes only spaces, which Windows strips from the end of a name.</summary>
    Space = 1 << 11,

    /// <summary>Anything a path guard must treat as syntax.</summary>
    PathSyntax = Dot | Slash | Backslash | Colon | Semicolon | Percent | Question | Hash,

    /// <summary>Anything a markup guard must treat as markup.</summary>
    Markup = LessThan | GreaterThan | Ampersand,
}
