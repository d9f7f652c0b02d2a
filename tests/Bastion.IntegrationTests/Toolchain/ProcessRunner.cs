using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>Runs a command with a timeout, capturing output; the whole process tree is killed on timeout.</summary>
public static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout,
        System.Collections.Generic.IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = new Process { StartInfo = Start(fileName, arguments, workingDirectory) };
        foreach (var (name, value) in environment ?? new System.Collections.Generic.Dictionary<string, string?>())
        {
            if (value is null)
            {
                process.StartInfo.Environment.Remove(name);
            }
            else
            {
                process.StartInfo.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    public static ProcessStartInfo Start(string fileName, string[] arguments, string workingDirectory)
    {
        // One ArgumentList entry per argument: paths with spaces need no quoting and are never re-split.
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // Tests run under `dotnet test`; MSBuild variables from that run must not leak into child builds.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBuildSDKsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        return info;
    }
}
