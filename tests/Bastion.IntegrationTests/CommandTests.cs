using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Commands;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>Generated [SafeCommand] methods the tests run against real programs from coreutils.</summary>
public static partial class TestCommands
{
    [SafeCommand("/usr/bin/printf", "%s", "{value}")]
    public static partial Task<CommandResult> Print([CommandArg(MaxLength = 2000)] string value, CancellationToken ct = default);

    [SafeCommand("/usr/bin/head", "-c", "{bytes}", "/dev/zero", MaxOutputBytes = 1000)]
    public static partial Task<CommandResult> Zeros([CommandArg] int bytes);

    [SafeCommand("/usr/bin/sleep", "{seconds}", TimeoutSeconds = 1)]
    public static partial Task<CommandResult> Sleep([CommandArg(Pattern = "^[0-9]{1,3}$")] int seconds, CancellationToken ct = default);

    [SafeCommand("/usr/bin/printenv")]
    public static partial Task<CommandResult> Environment();

    [SafeCommand("/usr/bin/printenv", Environment = new[] { "BASTION_VISIBLE" })]
    public static partial Task<CommandResult> EnvironmentWithAllowList();

    [SafeCommand("/usr/bin/printf", "%s", "name={value}", AllowEmbeddedPlaceholders = true)]
    public static partial Task<CommandResult> PrintNamed([CommandArg(AllowLeadingDash = true)] string value);

    [SafeCommand("/usr/bin/no-such-program-bastion")]
    public static partial Task<CommandResult> Missing();
}

/// <summary>
/// Injection strings never reach a shell (no canary file appears; the program receives the exact bytes)
/// and option-looking or control-character values are refused before anything starts; time limits kill the
/// whole process tree; output past the cap is dropped and reported; the environment is cleared.
/// </summary>
public sealed class CommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bastion-commands-").FullName;

    private string Canary => Path.Combine(_folder, "canary");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Injections() => new(
        "; touch CANARY",
        "| touch CANARY",
        "|| touch CANARY",
        "& touch CANARY",
        "&& touch CANARY",
        "`touch CANARY`",
        "$(touch CANARY)",
        "${IFS}touch${IFS}CANARY",
        "'; touch CANARY; '",
        "\"; touch CANARY; \"",
        "> CANARY",
        ">> CANARY",
        "< /etc/passwd",
        "a\\; touch CANARY",
        "%0atouch CANARY",
        "$((1+1)) $HOME ~ * ?",
        "x' OR '1'='1",
        "\u037E touch CANARY",
        "\uFF1B touch CANARY");

    public static TheoryData<string, CommandArgumentProblem> Refused() => new()
    {
        { "\ntouch CANARY", CommandArgumentProblem.ControlCharacter },
        { "a\ntouch CANARY", CommandArgumentProblem.ControlCharacter },
        { "a\r\ntouch CANARY", CommandArgumentProblem.ControlCharacter },
        { "a\0; touch CANARY", CommandArgumentProblem.ControlCharacter },
        { "a\u001b[2J", CommandArgumentProblem.ControlCharacter },
        { "-oProxyCommand=touch CANARY", CommandArgumentProblem.LeadingDash },
        { "--output=CANARY", CommandArgumentProblem.LeadingDash },
        { "-v", CommandArgumentProblem.LeadingDash },
        { "--", CommandArgumentProblem.LeadingDash },
        { "", CommandArgumentProblem.Empty },
        { new string('a', 2001), CommandArgumentProblem.TooLong },
    };

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Injection_strings_reach_the_program_as_one_literal_argument(string template)
    {
        string value = template.Replace("CANARY", Canary, StringComparison.Ordinal);
        CommandResult result = await TestCommands.Print(value, TestContext.Current.CancellationToken);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(value, result.StandardOutput);
        Assert.False(File.Exists(Canary), "a shell ran the value");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Option_looking_and_control_character_values_are_refused_before_anything_starts(string template, CommandArgumentProblem problem)
    {
        string value = template.Replace("CANARY", Canary, StringComparison.Ordinal);
        CommandArgumentException refused = await Assert.ThrowsAsync<CommandArgumentException>(() => TestCommands.Print(value, TestContext.Current.CancellationToken));
        Assert.Equal(problem, refused.Problem);
        Assert.Equal("value", refused.ParamName);
        if (value.Length > 0)
        {
            Assert.DoesNotContain(value, refused.Message, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Canary));
    }

    [Fact]
    public async Task A_pattern_refuses_what_it_does_not_match_and_integers_are_checked_as_text()
    {
        await Assert.ThrowsAsync<CommandArgumentException>(() => TestCommands.Sleep(1000, TestContext.Current.CancellationToken));
        CommandArgumentException negative = await Assert.ThrowsAsync<CommandArgumentException>(() => TestCommands.Sleep(-1, TestContext.Current.CancellationToken));
        Assert.Equal(CommandArgumentProblem.LeadingDash, negative.Problem);
        Assert.True((await TestCommands.Sleep(0, TestContext.Current.CancellationToken)).Succeeded);
    }

    [Fact]
    public async Task An_embedded_placeholder_keeps_the_value_inside_its_argument()
    {
        CommandResult result = await TestCommands.PrintNamed("-x; touch " + Canary);
        Assert.Equal("name=-x; touch " + Canary, result.StandardOutput);
        Assert.False(File.Exists(Canary));
    }

    [Fact]
    public async Task Output_past_the_cap_is_dropped_and_reported()
    {
        CommandResult small = await TestCommands.Zeros(10);
        Assert.Equal(10, small.StandardOutput.Length);
        Assert.False(small.Truncated);

        CommandResult large = await TestCommands.Zeros(5_000_000);
        Assert.Equal(0, large.ExitCode); // the rest was drained, so the program was never blocked on a full pipe
        Assert.Equal(1000, large.StandardOutput.Length);
        Assert.True(large.Truncated);
    }

    [Fact]
    public async Task The_time_limit_kills_the_process_and_reports_it()
    {
        var clock = Stopwatch.StartNew();
        CommandResult result = await TestCommands.Sleep(60, TestContext.Current.CancellationToken);
        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the runner waited for the program instead of killing it");
    }

    [Fact]
    public async Task Cancellation_kills_the_process_and_throws()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestCommands.Sleep(60, cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_time_limit_kills_grandchildren_too()
    {
        // A hand-built start info so a script can spawn descendants (a [SafeCommand] cannot name a shell). The
        // script is a constant; the one variable argument is a temp-file path the script only appends to.
        string pids = Path.Combine(_folder, "pids");
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("sleep 300 & echo $! >> \"$1\"; (sleep 300 & echo $! >> \"$1\"; wait) & sleep 300");
        startInfo.ArgumentList.Add("sh");
#pragma warning disable BAS1301 // the test's own temp path, passed as "$1", never parsed as code
        startInfo.ArgumentList.Add(pids);
#pragma warning restore BAS1301

        CommandResult result = await SafeCommandRunner.RunAsync(startInfo, TimeSpan.FromSeconds(1), 1024, TestContext.Current.CancellationToken);

        Assert.True(result.TimedOut);
        string[] spawned = File.ReadAllLines(pids);
        Assert.Equal(2, spawned.Length);
        foreach (string pid in spawned)
        {
            Assert.True(await IsGoneAsync(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture)), $"descendant {pid} is still running");
        }
    }

    [Fact]
    public async Task The_environment_is_cleared_except_for_the_allow_list()
    {
        System.Environment.SetEnvironmentVariable("BASTION_SECRET_FOR_TEST", "do-not-leak");
        System.Environment.SetEnvironmentVariable("BASTION_VISIBLE", "shown");
        Assert.Equal(string.Empty, (await TestCommands.Environment()).StandardOutput);
        string allowed = (await TestCommands.EnvironmentWithAllowList()).StandardOutput;
        Assert.Equal("BASTION_VISIBLE=shown\n", allowed);
    }

    [Fact]
    public async Task A_missing_program_is_a_clear_error()
    {
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(TestCommands.Missing);
        Assert.Contains("/usr/bin/no-such-program-bastion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_runner_refuses_start_infos_that_could_reach_a_shell()
    {
        var shell = new ProcessStartInfo("/usr/bin/printf") { UseShellExecute = true };
        await Assert.ThrowsAsync<ArgumentException>(() => SafeCommandRunner.RunAsync(shell, TimeSpan.FromSeconds(1), 10, default));
        var relative = new ProcessStartInfo("printf") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        await Assert.ThrowsAsync<ArgumentException>(() => SafeCommandRunner.RunAsync(relative, TimeSpan.FromSeconds(1), 10, default));
        var joined = new ProcessStartInfo("/usr/bin/printf", "%s x") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        await Assert.ThrowsAsync<ArgumentException>(() => SafeCommandRunner.RunAsync(joined, TimeSpan.FromSeconds(1), 10, default));
    }

    private static async Task<bool> IsGoneAsync(int pid)
    {
        for (int i = 0; i < 50; i++)
        {
            string status = Path.Combine("/proc", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "status");
            if (!File.Exists(status) || ReadState(status) is "Z" or "X")
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static string? ReadState(string status)
    {
        try
        {
            foreach (string line in File.ReadLines(status))
            {
                if (line.StartsWith("State:", StringComparison.Ordinal))
                {
                    return line["State:".Length..].Trim()[..1];
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
