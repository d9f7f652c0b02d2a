using System;

namespace Bastion.Analyzers.Flow;

/// <summary>Where a value came from. A rule names the origins it cares about.</summary>
[Flags]
internal enum Origin : byte
{
    None = 0,

    /// <summary>Sent by the client: handler parameters, HttpRequest members, upload and archive entry names.</summary>
    Request = 1,

    /// <summary>Read back from a database (stored data; matters for HTML output only).</summary>
    Stored = 2,

    /// <summary>A secret: a [Secret] member, a configuration value whose key names a secret, a connection string.</summary>
    Secret = 4,

    /// <summary>Written in the code (a literal long enough to be a key or password, a constant byte array).</summary>
    Literal = 8,
}

/// <summary>
/// What a value has been made safe for, by a sanitizer (encoding, <c>Path.GetFileName</c>, hashing) or by a check that
/// holds on the path to here (an exact allow-list match, a full-match pattern, a containment check). Combining values
/// keeps only what all parts are safe for; decoding clears everything.
/// </summary>
[Flags]
internal enum Safe : ushort
{
    None = 0,
    Sql = 1,
    Shell = 2,

    /// <summary>Cannot start with '-' (so it is not read as a command-line option).</summary>
    Option = 4,
    Path = 8,
    Html = 16,

    /// <summary>Cannot carry a script scheme (javascript:) in a URL attribute.</summary>
    Url = 32,

    /// <summary>Equal to one of a fixed set of origins.</summary>
    Cors = 64,

    /// <summary>No longer reveals a secret (a hash of it).</summary>
    Secret = 128,

    /// <summary>Went through Path.GetFullPath (needed before a containment check means anything).</summary>
    Normalized = 256,
    NoSlash = 512,
    NoBackslash = 1024,
    NoDotDot = 2048,

    /// <summary>Everything a check can establish: an exact allow-list match or a value parsed into a number.</summary>
    Validated = Sql | Shell | Option | Path | Html | Url | Cors | NoSlash | NoBackslash | NoDotDot,
    All = 0xFFFF,
}

/// <summary>
/// The taint of one value: its concrete origins, what it is safe for, and (inside a method being summarized) which of
/// the method's parameters flow into it, bit <c>i</c> for parameter <c>i</c>.
/// </summary>
internal readonly struct Taint : IEquatable<Taint>
{
    public static readonly Taint Clean = new(Origin.None, Safe.All, 0);

    public Taint(Origin origin, Safe safe, ulong parameters)
    {
        Origin = origin;
        Safe = safe;
        Parameters = parameters;
    }

    public Origin Origin { get; }

    public Safe Safe { get; }

    public ulong Parameters { get; }

    public bool IsClean => Origin == Origin.None && Parameters == 0;

    public static Taint FromParameter(int ordinal) => ordinal is >= 0 and < 64 ? new Taint(Origin.None, Safe.None, 1UL << ordinal) : Clean;

    public static Taint From(Origin origin) => new(origin, Safe.None, 0);

    /// <summary>The taint of a value built from both (concatenation, a join of two paths).</summary>
    public Taint Join(Taint other)
    {
        if (IsClean && Origin == other.Origin && other.Parameters == 0)
        {
            return new Taint(other.Origin, Safe & other.Safe, 0);
        }

        return new Taint(Origin | other.Origin, Safe & other.Safe, Parameters | other.Parameters);
    }

    public Taint WithSafe(Safe added) => new(Origin, Safe | added, Parameters);

    public Taint WithoutSafe(Safe removed) => new(Origin, Safe & ~removed, Parameters);

    public Taint OnlyOrigins(Origin kept) => new(Origin & kept, Safe, Parameters);

    /// <summary>Decoding undoes every earlier check.</summary>
    public Taint Decoded() => IsClean ? this : new Taint(Origin, Safe.None, Parameters);

    /// <summary>Carries one of <paramref name="origins"/> without being safe for <paramref name="needed"/> (None: any carried origin counts).</summary>
    public bool Reaches(Origin origins, Safe needed) => (Origin & origins) != 0 && (needed == Safe.None || (Safe & needed) != needed);

    public bool ReachesThroughParameters(Safe needed) => Parameters != 0 && (needed == Safe.None || (Safe & needed) != needed);

    public bool Equals(Taint other) => Origin == other.Origin && Safe == other.Safe && Parameters == other.Parameters;

    public override bool Equals(object? obj) => obj is Taint other && Equals(other);

    public override int GetHashCode() => ((int)Origin * 397) ^ (int)Safe ^ Parameters.GetHashCode();
}
