using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace Bastion.Forms;

/// <summary>Outcome of <see cref="FormBody.ReadAsync"/>: the bound fields and files, or the problem response to send.</summary>
public readonly struct FormBodyResult
{
    internal FormBodyResult(IFormCollection form)
    {
        Form = form;
        Problem = null;
    }

    internal FormBodyResult(IResult problem)
    {
        Form = null;
        Problem = problem;
    }

    /// <summary>The fields and files the endpoint binds (only those) when <see cref="Problem"/> is null.</summary>
    public IFormCollection? Form { get; }

    /// <summary>The 415, 413 or 400 problem response when the form was refused.</summary>
    public IResult? Problem { get; }

    /// <summary>True when the form was read.</summary>
    [MemberNotNullWhen(true, nameof(Form))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;
}
