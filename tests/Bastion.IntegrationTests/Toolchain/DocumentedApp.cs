using Bastion.Testing;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>
/// Follows a Markdown page the way a reader does: runs its shell commands in order, writes every C# block to the file
/// its first line names (<c>// File: Program.cs</c>), starts the app where the page says <c>dotnet run</c>, sends each
/// <c>curl</c> request and compares the answer with the <c>text</c> block that follows it, and runs the page's
/// <c>dotnet publish</c>. The only departures, each checked: the repository is not cloned (this checkout is it), the
/// package is packed once per test run with a version of its own (<see cref="PackedPackages"/>), and the app listens
/// on a free port instead of the page's 5000.
/// </summary>
public sealed partial class DocumentedApp : IAsyncDisposable
{
    private const string DocumentedFeed = "~/bastion-feed";
    private const string DocumentedAddress = "http://localhost:5000";

    /// <summary>The pages are followed as on a developer's machine: not a CI server (which checks review folders instead of writing them).</summary>
    public static readonly Dictionary<string, string?> DeveloperMachine = new() { ["CI"] = null, ["TF_BUILD"] = null };

    private static readonly string Root = RepositoryRoot.Find();
    private readonly PackedPackages.Packed _packed;
    private readonly List<(string Command, string Answer)> _requests = [];
    private RunningProcess? _app;
    private HttpClient? _client;

    public DocumentedApp(string folder, PackedPackages.Packed packed)
    {
        Folder = folder;
        Hive = Path.Combine(folder, ".template-hive");
        _packed = packed;
        Directory.CreateDirectory(folder);
    }

    /// <summary>The working folder the page's commands run in (it follows <c>cd</c>).</summary>
    public string Folder { get; private set; }

    /// <summary>The `dotnet new` settings folder the page's template installs go to (the user's own stays untouched).</summary>
    public string Hive { get; }

    /// <summary>What happened, for failure messages.</summary>
    public StringBuilder Log { get; } = new();

    /// <summary>How many requests were checked against documented answers (a page that checks none proves nothing).</summary>
    public int CheckedRequests { get; private set; }

    public bool Published { get; private set; }

    /// <summary>
    /// Follows pages in a new temporary folder against the packed packages: <paramref name="follow"/> gets the app and
    /// the folder; the app is stopped and the folder deleted afterwards, whatever happened.
    /// </summary>
    public static async Task InTemporaryFolderAsync(string prefix, Func<DocumentedApp, string, Task> follow)
    {
        PackedPackages.Packed packed = await PackedPackages.GetAsync();
        string work = Directory.CreateTempSubdirectory(prefix).FullName;
        try
        {
            await using var app = new DocumentedApp(work, packed);
            await follow(app, work);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The fenced blocks of <paramref name="markdown"/>, in order: language and text.</summary>
    public static List<(string Language, string Text)> Blocks(string markdown)
    {
        var blocks = new List<(string, string)>();
        foreach (Match match in FencedBlock().Matches(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            blocks.Add((match.Groups["lang"].Value, match.Groups["body"].Value));
        }

        return blocks;
    }

    /// <summary>The part of <paramref name="markdown"/> under the heading <paramref name="heading"/>, up to the next heading of that level.</summary>
    public static string Section(string markdown, string heading)
    {
        int start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "no heading " + heading);
        string level = heading[..(heading.IndexOf(' ', StringComparison.Ordinal) + 1)];
        int end = markdown.IndexOf("\n" + level, start + heading.Length + 2, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    /// <summary>Runs every block of <paramref name="markdown"/> in order.</summary>
    public async Task FollowAsync(string markdown)
    {
        List<(string Language, string Text)> blocks = Blocks(markdown);
        for (int i = 0; i < blocks.Count; i++)
        {
            (string language, string text) = blocks[i];
            if (language == "csharp")
            {
                Match file = FileLine().Match(text.Split('\n')[0]);
                Assert.True(file.Success, "every C# block starts with '// File: <name>':\n" + text);
                File.WriteAllText(Path.Combine(Folder, file.Groups[1].Value.Trim()), text);
                Log.AppendLine("wrote " + file.Groups[1].Value.Trim());
            }
            else if (language == "shell")
            {
                foreach (string line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    string? answer = null;
                    if (line.StartsWith("curl ", StringComparison.Ordinal))
                    {
                        Assert.True(i + 1 < blocks.Count && blocks[i + 1].Language == "text", "a curl request is followed by a text block with its answer: " + line);
                        answer = blocks[i + 1].Text;
                    }

                    await RunAsync(line, answer);
                }
            }
        }
    }

    private async Task RunAsync(string line, string? answer)
    {
        List<string> words = Words(line);
        Log.AppendLine("$ " + line);
        switch (words)
        {
            case ["git", "clone", ..]:
                Assert.Equal("https://github.com/bastion-dotnet/bastion.git", words[2]);
                return;
            case ["dotnet", "pack", ..]:
                // Packed once per test run (PackedPackages) from this checkout, into its own feed.
                Assert.Contains("src/Bastion/Bastion.csproj", words[2], StringComparison.Ordinal);
                Assert.Equal(DocumentedFeed, words[words.IndexOf("-o") + 1]);
                return;
            case ["dotnet", "new", "install", var template]:
                // The page installs from its clone; the test from this checkout, into a template hive of its own.
                Assert.StartsWith("bastion/", template, StringComparison.Ordinal);
                await DotnetAsync(line, ["new", "install", Path.Combine(Root, template["bastion/".Length..]), "--debug:custom-hive", Hive]);
                return;
            case ["dotnet", "new", "bastion-api", ..]:
                await DotnetAsync(line, [.. words.Skip(1).Select(Substitute), "--bastionVersion", _packed.Version, "--debug:custom-hive", Hive]);
                return;
            case ["cd", var folder]:
                Folder = Path.Combine(Folder, folder);
                return;
            case ["dotnet", "run", "--urls", DocumentedAddress]:
                await StartAsync("dotnet", ["run", "--urls", "http://127.0.0.1:0"]);
                return;
            case ["curl", ..]:
                await CheckAsync(words, answer!);
                _requests.Add((line, answer!));
                return;
            case ["dotnet", "publish", ..]:
                await PublishAsync(words);
                return;
            case ["dotnet", ..]:
                await DotnetAsync(line, words.Skip(1).Select(Substitute).ToArray());
                return;
            default:
                Assert.Fail("a command this test does not know how to follow: " + line);
                return;
        }
    }

    private async Task DotnetAsync(string line, string[] arguments)
    {
        (int exit, string output) = await ProcessRunner.RunAsync("dotnet", arguments, Folder, PackedPackages.BuildTimeout, DeveloperMachine);
        Log.AppendLine(output);
        Assert.True(exit == 0, $"'{line}' failed:\n{Log}");
    }

    private string Substitute(string word)
        => word == DocumentedFeed ? _packed.Feed : word == "0.1.0" ? _packed.Version : word;

    private async Task StartAsync(string fileName, string[] arguments)
    {
        // The page's code must build without a single warning.
        (int exit, string output) = await ProcessRunner.RunAsync("dotnet", ["build", "-p:TreatWarningsAsErrors=true"], Folder, PackedPackages.BuildTimeout, DeveloperMachine);
        Log.AppendLine(output);
        Assert.True(exit == 0, "the documented app does not build with warnings as errors:\n" + output);
        await StopAsync();
        (_app, _client) = await RunningProcess.StartAsync(fileName, arguments, Folder, TimeSpan.FromSeconds(90));
    }

    private async Task PublishAsync(List<string> words)
    {
        await StopAsync();
        (int exit, string output) = await ProcessRunner.RunAsync("dotnet", words.Skip(1).ToArray(), Folder, PackedPackages.BuildTimeout, DeveloperMachine);
        Log.AppendLine(output);
        Assert.True(exit == 0, "NativeAOT publish failed:\n" + output);
        string[] warnings = output.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.True(warnings.Length == 0, "NativeAOT publish warned:\n" + string.Join("\n", warnings));

        // The native binary answers the page's requests as `dotnet run` did.
        string name = Path.GetFileName(Folder.TrimEnd(Path.DirectorySeparatorChar));
        string binary = Directory.GetFiles(Path.Combine(Folder, "bin", "Release"), name, SearchOption.AllDirectories)
            .Single(f => f.Contains(Path.DirectorySeparatorChar + "publish" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        (_app, _client) = await RunningProcess.StartAsync(binary, ["--urls", "http://127.0.0.1:0"], Folder, TimeSpan.FromSeconds(60));
        foreach ((string command, string answer) in _requests)
        {
            await CheckAsync(Words(command), answer);
        }

        Published = true;
    }

    private async Task CheckAsync(List<string> curl, string answer)
    {
        Assert.NotNull(_client);
        using HttpRequestMessage request = Curl(curl, _client.BaseAddress!);
        using HttpResponseMessage response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        string actual = $"{(int)response.StatusCode} {response.ReasonPhrase}\n{response.Headers}{response.Content.Headers}\n{body}";
        string context = $"request: {string.Join(' ', curl)}\ndocumented:\n{answer}\nactual:\n{actual}\napp output:\n{_app?.Output}";

        string[] lines = answer.Split('\n');
        Match status = StatusLine().Match(lines[0]);
        Assert.True(status.Success, "the answer starts with a status line: " + lines[0]);
        Assert.True(int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == (int)response.StatusCode, context);
        Assert.True(status.Groups[2].Value == response.ReasonPhrase, context);

        int blank = Array.IndexOf(lines, string.Empty);
        foreach (string header in lines.Skip(1).Take((blank < 0 ? lines.Length : blank) - 1))
        {
            int colon = header.IndexOf(':', StringComparison.Ordinal);
            string headerName = header[..colon];
            string value = header[(colon + 1)..].Trim();
            IEnumerable<string>? values = response.Headers.TryGetValues(headerName, out var h) ? h : response.Content.Headers.TryGetValues(headerName, out var c) ? c : null;
            Assert.True(values is not null && values.Any(v => v == value || (headerName.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && v.StartsWith(value + ";", StringComparison.Ordinal))), $"header {header}\n{context}");
        }

        string expectedBody = blank < 0 ? string.Empty : string.Join("\n", lines.Skip(blank + 1)).Trim();
        if (expectedBody.Length > 0)
        {
            using JsonDocument expected = JsonDocument.Parse(expectedBody);
            using JsonDocument actualJson = JsonDocument.Parse(body);
            AssertSubset(expected.RootElement, actualJson.RootElement, "$", context);
        }

        CheckedRequests++;
    }

    /// <summary>
    /// A documented body is a subset of the real one: every documented member is there with the same value; a documented
    /// "..." stands for any value (a trace id, a parser's detail); members the page leaves out are not checked.
    /// </summary>
    private static void AssertSubset(JsonElement expected, JsonElement actual, string path, string context)
    {
        if (expected.ValueKind == JsonValueKind.String && expected.GetString() == "...")
        {
            return;
        }

        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}\n{context}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    Assert.True(actual.TryGetProperty(property.Name, out JsonElement value), $"{path}.{property.Name} is missing\n{context}");
                    AssertSubset(property.Value, value, path + "." + property.Name, context);
                }

                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: array length\n{context}");
                for (int i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertSubset(expected[i], actual[i], $"{path}[{i}]", context);
                }

                break;
            default:
                Assert.True(JsonElement.DeepEquals(expected, actual), $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}\n{context}");
                break;
        }
    }

    /// <summary>The curl options the pages use, as curl sends them (-d without a Content-Type is a form post, as in curl).</summary>
    private static HttpRequestMessage Curl(List<string> words, Uri baseAddress)
    {
        string? method = null;
        string? data = null;
        string? url = null;
        var headers = new List<(string Name, string Value)>();
        for (int i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-i":
                    break;
                case "-X":
                    method = words[++i];
                    break;
                case "-H":
                    string header = words[++i];
                    int colon = header.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((header[..colon], header[(colon + 1)..].Trim()));
                    break;
                case "-d":
                    data = words[++i];
                    break;
                default:
                    Assert.True(words[i].StartsWith(DocumentedAddress + "/", StringComparison.Ordinal), "a curl option this test does not follow: " + words[i]);
                    url = words[i];
                    break;
            }
        }

        Assert.NotNull(url);
        var request = new HttpRequestMessage(new HttpMethod(method ?? (data is null ? "GET" : "POST")), new Uri(baseAddress, url[DocumentedAddress.Length..]));
        request.Headers.TryAddWithoutValidation("User-Agent", "curl/8.0");
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        if (data is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(data));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        }

        foreach ((string name, string value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                Assert.NotNull(request.Content);
                request.Content.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    /// <summary>Splits a command line as a POSIX shell does for the quoting the pages use (single and double quotes).</summary>
    public static List<string> Words(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        Assert.True(quote == '\0', "unbalanced quotes: " + line);
        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private async Task StopAsync()
    {
        _client?.Dispose();
        _client = null;
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    [GeneratedRegex(@"```(?<lang>[a-z]*)\n(?<body>.*?)\n[ ]*```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"^// File: (.+)$")]
    private static partial Regex FileLine();

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3}) (.+)$")]
    private static partial Regex StatusLine();
}
