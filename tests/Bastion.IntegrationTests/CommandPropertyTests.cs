using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Commands;
using CsCheck;
using Xunit;

namespace Bastion.IntegrationTests;

public static partial class TestCommands
{
    /// <summary><c>printf '[%s]' value</c>: printf repeats its format for every extra argument, so a value split in two shows as "[a][b]".</summary>
    [SafeCommand("/usr/bin/printf", "[%s]", "{value}", MaxOutputBytes = 10_000)]
    public static partial Task<CommandResult> Bracket([CommandArg(MaxLength = 2000)] string value, CancellationToken ct = default);
}

/// <summary>
/// Random values for a [CommandArg] (shell syntax, quotes, globs, whitespace, controls, leading dashes, non-ASCII text,
/// emoji, lone surrogates, long runs): each is either refused for the reason an independent check computes, before any
/// process starts, or reaches a real program as exactly one argument, byte for byte.
/// </summary>
public sealed class CommandPropertyTests
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "  ", "\t", "\n", "\r", "\0", "\u001B[2J", "\u0085", "\u007F", "-", "--", "-o", "'", "\"", "`", "$", "$(id)", "${IFS}", ";", "|", "&", "&&",
        ">", "<", "*", "?", "[a]", "~", "\\", "%s", "%n", "%%", "\\n", "=", "é", "日本", "\U0001F600", "\u202E", "\u200B", "\uFEFF", "\uD800", "\uDC00", "\uFF1B",
        new string('x', 500), new string('é', 400), new string('é', 700), string.Concat(System.Linq.Enumerable.Repeat("\U0001F600", 300)),
    ];

    private static Gen<string> Values => Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 8].Select(string.Concat);

    [Fact]
    public async Task Values_are_refused_for_the_right_reason_or_reach_the_program_as_one_exact_argument()
        => await Values.SampleAsync(ReachesTheProgramExactlyOrIsRefused, iter: 400, threads: 1);

    /// <summary>Shrunk counterexamples of the property above, from running it against the runner before this branch (05a3495).</summary>
    public static TheoryData<string> Counterexamples() => new(
        "\uD800", // accepted, and printf received EF BF BD: a lone surrogate has no UTF-8 form
        new string('é', 1400)); // accepted: 1,400 characters under MaxLength 2000, but 2,800 bytes

    [Theory]
    [MemberData(nameof(Counterexamples))]
    public Task Counterexamples_found_by_the_property(string value) => ReachesTheProgramExactlyOrIsRefused(value);

    private static async Task ReachesTheProgramExactlyOrIsRefused(string value)
    {
        CommandArgumentProblem? expected = ExpectedRefusal(value);
        CommandResult result;
        try
        {
            result = await TestCommands.Bracket(value);
        }
        catch (CommandArgumentException refused)
        {
            Assert.Equal(expected, refused.Problem);
            Assert.Equal("value", refused.ParamName);
            return;
        }

        Assert.Null(expected);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Encoding.UTF8.GetBytes("[" + value + "]"), Encoding.UTF8.GetBytes(result.StandardOutput));
    }

    /// <summary>The refusal the documented rules call for, computed without Bastion, in Bastion's order.</summary>
    private static CommandArgumentProblem? ExpectedRefusal(string value)
    {
        if (value.Length == 0)
        {
            return CommandArgumentProblem.Empty;
        }

        if (Encoding.UTF8.GetByteCount(value) > 2000)
        {
            return CommandArgumentProblem.TooLong;
        }

        if (value.Any(char.IsControl))
        {
            return CommandArgumentProblem.ControlCharacter;
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            return CommandArgumentProblem.InvalidText;
        }

        return value[0] == '-' ? CommandArgumentProblem.LeadingDash : null;
    }
}
