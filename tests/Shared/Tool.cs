using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Bastion.Testing;

/// <summary>
/// Runs a small command-line tool for a test's set-up (<c>ln</c>, <c>mv -T</c>, <c>mkfifo</c>) and throws, with the
/// tool's output, unless it exits 0 within ten seconds.
/// </summary>
/// <remarks>
/// The tool's output is read here, never inherited. Under <c>dotnet test</c> a test process talks to its runner in JSON
/// lines on its standard output (xunit's <c>-automated</c> mode); a child that inherits that stream and writes to it
/// can split a message, and a lost final message is reported as "Test process crashed with exit code 0" although
/// every test ran. Every process a test starts redirects its standard output and error for the same reason.
/// </remarks>
public static class Tool
{
    public static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(10_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within 10 s");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {output.Result}{error.Result}");
        }
    }
}
