using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Validation;

namespace Bastion.Commands;

/// <summary>
/// Runs the processes that generated <see cref="SafeCommandAttribute"/> methods describe, and checks their
/// arguments. Public so hand-written code can use the same guarded runner.
/// </summary>
public static class SafeCommandRunner
{
    private const int ChunkBytes = 16 * 1024;
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Refuses <paramref name="value"/> for <paramref name="parameterName"/> when it is empty, longer than
    /// <paramref name="maxLength"/> UTF-8 bytes or than the OS passes as one argument
    /// (<see cref="CommandLineLimits.MaxArgumentBytes"/>), contains a control character (NUL, CR, LF, ESC, C1...) or a
    /// lone surrogate, or starts with '-' while <paramref name="allowLeadingDash"/> is false
    /// (<see cref="CommandArgumentCheck.FindProblem"/>, which decides without throwing). Linear in the value; allocates
    /// nothing unless it refuses.
    /// </summary>
    /// <exception cref="CommandArgumentException">The value is refused; the message never contains it.</exception>
    public static void CheckArgument(string? value, string parameterName, int maxLength, bool allowLeadingDash)
    {
        if (CommandArgumentCheck.FindProblem(value, maxLength, allowLeadingDash) is { } problem)
        {
            throw new CommandArgumentException(parameterName, problem);
        }
    }

    /// <summary>
    /// Refuses a start the OS would reject for its size (<see cref="CommandLineLimits"/>): any argument or environment
    /// string longer than <see cref="CommandLineLimits.MaxArgumentBytes"/>, or all of them together over
    /// <see cref="CommandLineLimits.MaxTotalBytes"/>. The refusal names the longest of <paramref name="values"/> (the
    /// <c>[CommandArg]</c> texts, under <paramref name="parameterNames"/>), the one whose shortening helps most.
    /// </summary>
    /// <exception cref="CommandArgumentException">The values make the start too large (<see cref="CommandArgumentProblem.ExceedsSystemLimit"/>).</exception>
    /// <exception cref="InvalidOperationException">The fixed parts alone (executable, literal arguments, environment) are too large.</exception>
    public static void CheckCommandLine(ProcessStartInfo startInfo, ReadOnlySpan<string> parameterNames, ReadOnlySpan<string> values)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        if (parameterNames.Length != values.Length)
        {
            throw new ArgumentException("One name per value.", nameof(parameterNames));
        }

        if (FitsTheSystem(startInfo))
        {
            return;
        }

        int longest = -1;
        int longestBytes = -1;
        for (int i = 0; i < values.Length; i++)
        {
            int bytes = Encoding.UTF8.GetByteCount(values[i] ?? string.Empty);
            if (bytes > longestBytes)
            {
                (longest, longestBytes) = (i, bytes);
            }
        }

        throw longest < 0
            ? new InvalidOperationException("The command's fixed arguments and environment alone exceed the system's limit.")
            : new CommandArgumentException(parameterNames[longest], CommandArgumentProblem.ExceedsSystemLimit);
    }

    private static bool FitsTheSystem(ProcessStartInfo startInfo)
        => CommandLineLimits.Measure(startInfo, out int longestString) <= CommandLineLimits.MaxTotalBytes()
           && longestString <= CommandLineLimits.MaxArgumentBytes;

    /// <summary>Refuses <paramref name="value"/> unless <paramref name="pattern"/> matches all of it within its timeout.</summary>
    /// <exception cref="CommandArgumentException">The value is refused.</exception>
    public static void CheckPattern(string value, Regex pattern, string parameterName)
    {
        if (!ValidationChecks.IsFullMatch(pattern, value))
        {
            throw new CommandArgumentException(parameterName, CommandArgumentProblem.PatternMismatch);
        }
    }

    /// <summary>Copies the named variables (when set) from this process into the child's cleared environment.</summary>
    public static void AllowEnvironment(ProcessStartInfo startInfo, params ReadOnlySpan<string> names)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        foreach (string name in names)
        {
            string? value = Environment.GetEnvironmentVariable(name);
            if (value is not null)
            {
                startInfo.Environment[name] = value;
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="startInfo"/> (which must use an absolute executable, <c>ArgumentList</c>, no shell
    /// and all three streams redirected), closes its standard input, reads standard output and error
    /// concurrently keeping at most <paramref name="maxOutputBytes"/> of each, and waits for it to exit. When
    /// <paramref name="timeout"/> passes, or <paramref name="cancellationToken"/> is cancelled, the process and
    /// every descendant still attached to it are killed; a timeout is reported in the result, a cancellation
    /// is thrown.
    /// </summary>
    /// <exception cref="ArgumentException">The start info is not in the guarded shape.</exception>
    /// <exception cref="InvalidOperationException">The program could not be started.</exception>
    public static async Task<CommandResult> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout, int maxOutputBytes, CancellationToken cancellationToken)
    {
        CheckShape(startInfo);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxOutputBytes);
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), "The timeout must be positive.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Bastion could not start '{startInfo.FileName}': {ex.Message}", ex);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var output = new CappedBuffer(maxOutputBytes);
        var error = new CappedBuffer(maxOutputBytes);
        Task reading = Task.WhenAll(
            output.DrainAsync(process.StandardOutput.BaseStream, stop.Token),
            error.DrainAsync(process.StandardError.BaseStream, stop.Token));

        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
            // A descendant that outlives the process may keep the pipes open; the deadline still bounds this.
            await reading.WaitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            KillTree(process);
            stop.Cancel();
            await Task.WhenAny(reading, Task.Delay(KillGrace, CancellationToken.None)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        int exitCode = process.HasExited ? process.ExitCode : -1;
        return new CommandResult(exitCode, output.ToText(), error.ToText(), timedOut, output.Truncated || error.Truncated);
    }

    private static void CheckShape(ProcessStartInfo startInfo)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        if (startInfo.UseShellExecute)
        {
            throw new ArgumentException("UseShellExecute must be false: Bastion never runs commands through a shell.", nameof(startInfo));
        }

        if (!Path.IsPathFullyQualified(startInfo.FileName))
        {
            throw new ArgumentException("The executable must be an absolute path, so PATH and the working directory cannot choose it.", nameof(startInfo));
        }

        if (startInfo.Arguments.Length > 0)
        {
            throw new ArgumentException("Use ArgumentList, not the Arguments string, so no argument is ever re-split.", nameof(startInfo));
        }

        if (!startInfo.RedirectStandardInput || !startInfo.RedirectStandardOutput || !startInfo.RedirectStandardError)
        {
            throw new ArgumentException("Standard input, output and error must all be redirected.", nameof(startInfo));
        }

        foreach (string argument in startInfo.ArgumentList)
        {
            if (argument.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("An argument contains NUL, which would cut it short.", nameof(startInfo));
            }
        }

        if (!FitsTheSystem(startInfo))
        {
            throw new ArgumentException("The command line and environment exceed what the system lets one program start carry; check them with CheckCommandLine first.", nameof(startInfo));
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        try
        {
            process.WaitForExit(KillGrace);
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Keeps the first <c>cap</c> bytes of a stream and reads the rest to the end without keeping it.</summary>
    private sealed class CappedBuffer(int cap)
    {
        private readonly ArrayBufferWriter<byte> _kept = new();

        public bool Truncated { get; private set; }

        public async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
        {
            byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    int keep = Math.Min(read, cap - _kept.WrittenCount);
                    if (keep > 0)
                    {
                        _kept.Write(chunk.AsSpan(0, keep));
                    }

                    Truncated |= keep < read;
                }
            }
            catch (OperationCanceledException)
            {
                // The process was killed or the caller gave up; keep what was read.
            }
            catch (IOException)
            {
                // The pipe broke when the process tree was killed.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }

        public string ToText() => Encoding.UTF8.GetString(_kept.WrittenSpan);
    }
}
