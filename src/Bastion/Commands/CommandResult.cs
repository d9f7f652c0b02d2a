namespace Bastion.Commands;

/// <summary>What a <see cref="SafeCommandAttribute"/> method's process did.</summary>
/// <param name="ExitCode">The exit code; after a kill, whatever the OS reports (137 for SIGKILL on Linux).</param>
/// <param name="StandardOutput">Standard output as UTF-8, at most the configured number of bytes.</param>
/// <param name="StandardError">Standard error as UTF-8, at most the configured number of bytes.</param>
/// <param name="TimedOut">The time limit passed and the process tree was killed.</param>
/// <param name="Truncated">Either stream produced more than the cap; the excess was read and dropped.</param>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, bool Truncated)
{
    /// <summary>Exited by itself with code 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>A summary without the output, safe to log.</summary>
    public override string ToString() => $"CommandResult {{ ExitCode = {ExitCode}, TimedOut = {TimedOut}, Truncated = {Truncated}, StandardOutput = {StandardOutput.Length} chars, StandardError = {StandardError.Length} chars }}";
}
