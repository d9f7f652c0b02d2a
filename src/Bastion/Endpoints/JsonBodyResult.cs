using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace Bastion.Endpoints;

/// <summary>Outcome of <see cref="JsonBody.ReadAsync{T}"/>: a value, or the problem response to send.</summary>
public readonly struct JsonBodyResult<T>
{
    internal JsonBodyResult(T value)
    {
        Value = value;
        Problem = null;
    }

    internal JsonBodyResult(IResult problem)
    {
        Value = default;
        Problem = problem;
    }

    /// <summary>The deserialized body when <see cref="Problem"/> is null.</summary>
    public T? Value { get; }

    /// <summary>The 415/413/400 problem response when the body was refused.</summary>
    public IResult? Problem { get; }

    /// <summary>True when the body was read.</summary>
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;
}
