using System;

namespace Bastion.Commands;

/// <summary>
/// A <see cref="CommandArgAttribute"/> value was refused before any process started. The message names the
/// parameter and the reason, never the value, so it is safe to log; endpoints answer it with 400.
/// </summary>
public sealed class CommandArgumentException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="parameterName"/>.</summary>
    public CommandArgumentException(string parameterName, CommandArgumentProblem problem)
        : base(Describe(problem), parameterName)
        => Problem = problem;

    /// <summary>Why the value was refused.</summary>
    public CommandArgumentProblem Problem { get; }

    /// <summary>
    /// The reason alone, safe to send to a client: unlike <see cref="ArgumentException.Message"/> it carries no
    /// " (Parameter 'name')" suffix. The parameter is <see cref="ArgumentException.ParamName"/>.
    /// </summary>
    public string Reason => Describe(Problem);

    private static string Describe(CommandArgumentProblem problem) => problem switch
    {
        CommandArgumentProblem.Empty => "The command argument is empty.",
        CommandArgumentProblem.TooLong => "The command argument is too long.",
        CommandArgumentProblem.ControlCharacter => "The command argument contains a control character.",
        CommandArgumentProblem.LeadingDash => "The command argument starts with '-' and could be read as an option.",
        CommandArgumentProblem.PatternMismatch => "The command argument does not match the allowed pattern.",
        CommandArgumentProblem.ExceedsSystemLimit => "The command arguments together are longer than the system allows.",
        CommandArgumentProblem.InvalidText => "The command argument is not valid Unicode text.",
        _ => "The command argument was refused.",
    };
}
