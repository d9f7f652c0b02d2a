using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>A started web app process: waits for Kestrel's "Now listening on" line and is killed on dispose.</summary>
public sealed partial class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningProcess(Process process) => _process = process;

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public static async Task<(RunningProcess Process, HttpClient Client)> StartAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan startTimeout)
    {
        var process = new Process { StartInfo = ProcessRunner.Start(fileName, arguments, workingDirectory) };
        var running = new RunningProcess(process);
        process.OutputDataReceived += (_, e) => running.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => running.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(startTimeout);
        await using (cts.Token.Register(() => running._address.TrySetException(new TimeoutException("the app did not start listening:\n" + running.Output))))
        {
            Uri address = await running._address.Task;
            return (running, new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) });
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        Match match = ListeningLine().Match(line);
        if (match.Success)
        {
            _address.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
