using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Commands;
using Bastion.Paths;
using CsCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Bastion.IntegrationTests;

public static partial class TestCommands
{
    [SafeCommand("/usr/bin/printf", "%s", "{value}", MaxOutputBytes = 400_000)]
    public static partial Task<CommandResult> PrintLarge([CommandArg(MaxLength = 1_000_000)] string value, CancellationToken ct = default);

    /// <summary>Seventeen arguments of the per-argument maximum are more than a default 8 MiB stack's ARG_MAX (2 MiB) allows.</summary>
    [SafeCommand("/usr/bin/true", "{a0}", "{a1}", "{a2}", "{a3}", "{a4}", "{a5}", "{a6}", "{a7}", "{a8}", "{a9}", "{a10}", "{a11}", "{a12}", "{a13}", "{a14}", "{a15}", "{a16}")]
    public static partial Task<CommandResult> Many(
        [CommandArg(MaxLength = 200_000)] string a0, [CommandArg(MaxLength = 200_000)] string a1, [CommandArg(MaxLength = 200_000)] string a2,
        [CommandArg(MaxLength = 200_000)] string a3, [CommandArg(MaxLength = 200_000)] string a4, [CommandArg(MaxLength = 200_000)] string a5,
        [CommandArg(MaxLength = 200_000)] string a6, [CommandArg(MaxLength = 200_000)] string a7, [CommandArg(MaxLength = 200_000)] string a8,
        [CommandArg(MaxLength = 200_000)] string a9, [CommandArg(MaxLength = 200_000)] string a10, [CommandArg(MaxLength = 200_000)] string a11,
        [CommandArg(MaxLength = 200_000)] string a12, [CommandArg(MaxLength = 200_000)] string a13, [CommandArg(MaxLength = 200_000)] string a14,
        [CommandArg(MaxLength = 200_000)] string a15, [CommandArg(MaxLength = 200_000)] string a16);
}

/// <summary>
/// Argument limits are UTF-8 bytes capped by the OS: a value the OS could not pass (one over MAX_ARG_STRLEN, or a
/// command line over ARG_MAX) is refused before any process starts with a CommandArgumentException, so an endpoint
/// answers 400 naming the field (also when it does not catch), never 500; values at the limits reach the program intact.
/// </summary>
public sealed class CommandLimitTests
{
    [Fact]
    public async Task Lengths_are_utf8_bytes()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(new string('é', 1000), (await TestCommands.Print(new string('é', 1000), ct)).StandardOutput); // 2,000 bytes
        Assert.Equal(CommandArgumentProblem.TooLong, (await Refused(() => TestCommands.Print(new string('é', 1001), ct))).Problem); // 1,001 characters, 2,002 bytes
        Assert.Equal(CommandArgumentProblem.TooLong, (await Refused(() => TestCommands.Print(string.Concat(Enumerable.Repeat("\U0001F600", 501)), ct))).Problem);
        Assert.Equal(CommandArgumentProblem.InvalidText, (await Refused(() => TestCommands.Print("a\uD800b", ct))).Problem);
    }

    [Fact]
    public async Task One_argument_is_capped_at_the_linux_limit_whatever_MaxLength_says()
    {
        var ct = TestContext.Current.CancellationToken;
        string largest = new('a', CommandLineLimits.LinuxMaxArgumentBytes);
        CommandResult passed = await TestCommands.PrintLarge(largest, ct);
        Assert.Equal(0, passed.ExitCode);
        Assert.Equal(largest, passed.StandardOutput);
        Assert.Equal(CommandArgumentProblem.TooLong, (await Refused(() => TestCommands.PrintLarge(largest + "a", ct))).Problem);
        Assert.Equal(CommandArgumentProblem.TooLong, (await Refused(() => TestCommands.PrintLarge(new string('é', 65_536), ct))).Problem); // 131,072 bytes
        Assert.Equal(new string('é', 65_535), (await TestCommands.PrintLarge(new string('é', 65_535), ct)).StandardOutput);
    }

    [Fact]
    public async Task A_command_line_over_arg_max_is_refused_naming_the_longest_value()
    {
        long budget = CommandLineLimits.MaxTotalBytes();
        Assert.SkipWhen(budget >= 17L * CommandLineLimits.LinuxMaxArgumentBytes, $"ARG_MAX here is {budget} bytes (a stack limit above 8 MiB): 17 maximal arguments fit");
        string full = new('x', CommandLineLimits.LinuxMaxArgumentBytes - 1);
        string[] values = Enumerable.Repeat(full, 17).ToArray();
        values[9] += "x";
        CommandArgumentException refused = await Refused(() => TestCommands.Many(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
            values[7], values[8], values[9], values[10], values[11], values[12], values[13], values[14], values[15], values[16]));
        Assert.Equal(CommandArgumentProblem.ExceedsSystemLimit, refused.Problem);
        Assert.Equal("a9", refused.ParamName);
        Assert.DoesNotContain("xxx", refused.Message, StringComparison.Ordinal);

        // Sixteen of them fit 2 MiB with room to spare: the count is not so cautious that it refuses what the OS allows.
        string[] fitting = Enumerable.Repeat(new string('x', (int)(budget / 20)), 17).ToArray();
        Assert.Equal(0, (await TestCommands.Many(fitting[0], fitting[1], fitting[2], fitting[3], fitting[4], fitting[5], fitting[6], fitting[7], fitting[8],
            fitting[9], fitting[10], fitting[11], fitting[12], fitting[13], fitting[14], fitting[15], fitting[16])).ExitCode);
    }

    /// <summary>
    /// Near the limit, with the public runner and a hand-built start info: whatever sizes are drawn, either
    /// CheckCommandLine refuses or the program starts and exits 0 (never E2BIG, which .NET reports as a failed start).
    /// </summary>
    [Fact]
    public void Bastion_counts_at_least_what_the_kernel_counts()
    {
        long budget = CommandLineLimits.MaxTotalBytes();
        int refused = 0, started = 0;
        Gen.Select(Gen.Int[1, 40], Gen.Double[0.97, 1.01]).Sample((count, fraction) =>
        {
            int size = (int)Math.Min(CommandLineLimits.LinuxMaxArgumentBytes, budget * fraction / count);
            var startInfo = new ProcessStartInfo("/usr/bin/true") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            startInfo.Environment.Clear();
            for (int i = 0; i < count; i++)
            {
                startInfo.ArgumentList.Add(new string('y', Math.Max(1, size - 1)));
            }

            try
            {
                SafeCommandRunner.CheckCommandLine(startInfo, ["value"], ["y"]);
            }
            catch (CommandArgumentException)
            {
                refused++;
                return;
            }

            CommandResult result = SafeCommandRunner.RunAsync(startInfo, TimeSpan.FromSeconds(10), 1024, CancellationToken.None).GetAwaiter().GetResult();
            Assert.Equal(0, result.ExitCode);
            started++;
        }, iter: 40, threads: 1);
        Assert.True(refused > 0 && started > 0, $"{refused} refused, {started} started: the sizes missed the boundary");
    }

    [Fact]
    public async Task An_endpoint_that_does_not_catch_answers_400_naming_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        await using KestrelHost host = await KestrelHost.StartTestApiAsync(Path.GetTempPath(), map: app =>
        {
            app.MapGet("/refuse/missing", string () => throw new PathRejectedException(PathRejection.NotFound));
            app.MapGet("/refuse/outside", string () => throw new PathRejectedException(PathRejection.OutsideRoot));
        });

        foreach (string value in new[] { new string('a', CommandLineLimits.LinuxMaxArgumentBytes + 1), "line\nbreak", "-rf" })
        {
            using HttpResponseMessage response = await host.Client.PostAsync("/t/echo", Json(value), ct);
            string body = await response.Content.ReadAsStringAsync(ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("value", out _), body);
            Assert.DoesNotContain(value, body, StringComparison.Ordinal);
        }

        using HttpResponseMessage echoed = await host.Client.PostAsync("/t/echo", Json("plain"), ct);
        Assert.Equal("\"plain\"", await echoed.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/refuse/missing", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync("/refuse/outside", ct)).StatusCode);
    }

    private static StringContent Json(string value) => new(JsonSerializer.Serialize(new { value }), Encoding.UTF8, "application/json");

    private static async Task<CommandArgumentException> Refused(Func<Task> run) => await Assert.ThrowsAsync<CommandArgumentException>(run);
}
