using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bastion.Paths;
using CsCheck;
using Xunit;

namespace Bastion.Tests;

/// <summary>
/// The path guard against a table of hostile inputs (each must be refused) and legitimate names (each
/// must resolve inside the root), with real files, a sibling directory whose name shares the root's
/// prefix, and symbolic links that point outside.
/// </summary>
public sealed class SafePathResolverTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("bastion-paths-").FullName;
    private readonly string _root;
    private readonly SafePathResolver _resolver;

    public SafePathResolverTests()
    {
        _root = Path.Combine(_base, "uploads");
        Directory.CreateDirectory(Path.Combine(_root, "docs"));
        Directory.CreateDirectory(Path.Combine(_root, "nested", "deeper"));
        Directory.CreateDirectory(Path.Combine(_base, "uploads-evil"));
        foreach (string file in new[] { "a.txt", "docs/report.pdf", "name with spaces.txt", "ünïcødé.txt", "a.b.c.txt", "nested/deeper/file.txt", "..a.txt", "%zz.txt" })
        {
            File.WriteAllText(Path.Combine(_root, file), "inside");
        }

        File.WriteAllText(Path.Combine(_base, "outside.txt"), "secret");
        File.WriteAllText(Path.Combine(_base, "uploads-evil", "secret.txt"), "secret");
        File.CreateSymbolicLink(Path.Combine(_root, "link-out.txt"), Path.Combine(_base, "outside.txt"));
        File.CreateSymbolicLink(Path.Combine(_root, "relative-out.txt"), "../outside.txt");
        File.CreateSymbolicLink(Path.Combine(_root, "dangling-out.txt"), Path.Combine(_base, "not-yet-created.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "dir-out"), _base);
        Directory.CreateSymbolicLink(Path.Combine(_root, "inner-link"), Path.Combine(_root, "docs"));
        File.CreateSymbolicLink(Path.Combine(_root, "loop-a"), Path.Combine(_root, "loop-b"));
        File.CreateSymbolicLink(Path.Combine(_root, "loop-b"), Path.Combine(_root, "loop-a"));
        HardLink(Path.Combine(_base, "outside.txt"), Path.Combine(_root, "hard-out.txt"));
        _resolver = new SafePathResolver(_root);
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private static void HardLink(string target, string link)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [target, link]);
        Assert.True(ln.WaitForExit(10_000), "ln did not finish");
        Assert.Equal(0, ln.ExitCode);
    }

    public static TheoryData<string> HostileInputs()
    {
        var inputs = new SortedSet<string>(StringComparer.Ordinal);
        string[] climbs = ["..", "../..", "../../..", "..\\..", "..//..", "./..", "a/../..", "a/../../..", "docs/../../..", "docs\\..\\..", "./../.", "nested/deeper/../../..", ".../...", "...."];
        string[] targets = ["outside.txt", "uploads-evil/secret.txt", "etc/passwd", "uploads/../outside.txt", "windows\\win.ini"];
        foreach (string climb in climbs)
        {
            foreach (string target in targets)
            {
                inputs.Add(climb + "/" + target);
                inputs.Add(climb + "\\" + target);
            }
        }

        string[] more =
        [
            "..", "../", "..\\", "../uploads-evil/secret.txt", "..\\uploads-evil\\secret.txt", "../uploads/../uploads-evil/secret.txt",
            "%2e%2e%2foutside.txt", "%2e%2e/outside.txt", "..%2foutside.txt", "..%5coutside.txt", "%252e%252e%252foutside.txt",
            "%c0%ae%c0%ae/outside.txt", "%c0%af", "a%00.txt", "%2fetc%2fpasswd", "%5c%5cserver%5cshare",
            "\uFF0E\uFF0E\uFF0Foutside.txt", "\uFF0E\uFF0E/outside.txt", "..\uFF0Foutside.txt", "..\uFF3Coutside.txt", "\u2025/outside.txt",
            "\u2024\u2024/outside.txt", "..\u2215outside.txt", "..\u2044outside.txt", "\uFE52\uFE52/outside.txt", "a\u2216b",
            "a.txt\0.png", "\0", "a\u0001b.txt", "a\nb.txt", "a\rb.txt", "a\tb.txt", "a\u007Fb.txt", "a\u0085b.txt", "a\u202Eb.txt", "a\u200Bb.txt", "a\uFFFDb.txt", "a\u2028b",
            "/etc/passwd", "/", "\\", "\\etc\\passwd", "//server/share/x", "\\\\server\\share\\x", "\\\\?\\C:\\x", "\\\\.\\pipe\\x", "\\??\\C:\\x",
            "C:\\Windows\\win.ini", "C:Windows", "c:", "C:/x", "Z:\\",
            "CON", "con", "con.txt", "NUL", "nul.tar.gz", "AUX", "PRN.pdf", "COM1", "com9.log", "LPT1", "lpt3.txt", "docs/CON", "docs/nul.txt", "CONIN$", "CONOUT$", "COM\u00B9", "CON .txt",
            "a.txt:secret", "a.txt::$DATA", "docs:stream", "a.txt:", ":",
            "a.txt.", "a.txt ", "docs./report.pdf", "docs /report.pdf", "a.txt. .",
            new string('a', 256), string.Concat(Enumerable.Repeat("a/", 2100)), new string('é', 128) + ".txt",
            "link-out.txt", "relative-out.txt", "dangling-out.txt", "dir-out/outside.txt", "dir-out/uploads-evil/secret.txt", "dir-out", "loop-a", "hard-out.txt", "./hard-out.txt",
            "", ".", "./", "./.", "//", "\\\\", "/.",
        ];
        foreach (string item in more)
        {
            inputs.Add(item);
        }

        var data = new TheoryData<string>();
        foreach (string input in inputs)
        {
            data.Add(input);
        }

        return data;
    }

    [Fact]
    public void The_hostile_table_is_large()
        => Assert.True(HostileInputs().Count >= 150, $"only {HostileInputs().Count} hostile inputs");

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_inputs_are_refused(string input)
    {
        SafePathResult result = _resolver.Resolve(input);
        Assert.False(result.Succeeded, $"accepted as {result.Path}");
        Assert.Equal(400, result.StatusCode);
    }

    [Theory]
    [InlineData("a.txt", "a.txt")]
    [InlineData("docs/report.pdf", "docs/report.pdf")]
    [InlineData("docs\\report.pdf", "docs/report.pdf")]
    [InlineData("name with spaces.txt", "name with spaces.txt")]
    [InlineData("ünïcødé.txt", "ünïcødé.txt")]
    [InlineData("a.b.c.txt", "a.b.c.txt")]
    [InlineData("nested/deeper/file.txt", "nested/deeper/file.txt")]
    [InlineData("./a.txt", "a.txt")]
    [InlineData("docs//report.pdf", "docs/report.pdf")]
    [InlineData("..a.txt", "..a.txt")]
    [InlineData("%zz.txt", "%zz.txt")]
    [InlineData("inner-link/report.pdf", "docs/report.pdf")]
    [InlineData("new-upload.txt", "new-upload.txt")]
    [InlineData("console.txt", "console.txt")]
    public void Legitimate_names_resolve_inside_the_root(string input, string relative)
    {
        SafePathResult result = _resolver.Resolve(input);
        Assert.True(result.Succeeded, result.Rejection.ToString());
        Assert.Equal(relative, result.Path.RelativePath);
        Assert.StartsWith(_resolver.Root + Path.DirectorySeparatorChar, result.Path.FullPath, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sibling_prefix_directory_is_not_inside_the_root()
    {
        Assert.StartsWith(_root, Path.Combine(_base, "uploads-evil"), StringComparison.Ordinal);
        Assert.Equal(PathRejection.ParentSegment, _resolver.Resolve("../uploads-evil/secret.txt").Rejection);
        Assert.Equal(PathRejection.OutsideRoot, _resolver.Resolve("dir-out/uploads-evil/secret.txt").Rejection);
    }

    [Fact]
    public void Options_limit_subdirectories_extensions_and_existence()
    {
        var flat = new SafePathResolver(_root, new SafePathOptions { AllowSubdirectories = false });
        Assert.Equal(PathRejection.SubdirectoryNotAllowed, flat.Resolve("docs/report.pdf").Rejection);
        Assert.True(flat.Resolve("a.txt").Succeeded);

        var pdfOnly = new SafePathResolver(_root, new SafePathOptions { AllowedExtensions = [".pdf"] });
        Assert.True(pdfOnly.Resolve("docs/REPORT.PDF".ToLowerInvariant()).Succeeded);
        Assert.Equal(PathRejection.ExtensionNotAllowed, pdfOnly.Resolve("a.txt").Rejection);
        Assert.Equal(PathRejection.ExtensionNotAllowed, pdfOnly.Resolve("report.pdf.exe").Rejection);

        var existing = new SafePathResolver(_root, new SafePathOptions { MustExist = true });
        SafePathResult missing = existing.Resolve("missing.txt");
        Assert.Equal(PathRejection.NotFound, missing.Rejection);
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(PathRejection.NotFound, existing.Resolve("docs").Rejection);
        Assert.True(existing.Resolve("docs/report.pdf").Succeeded);
    }

    [Fact]
    public void A_hard_link_to_a_file_outside_is_refused_unless_allowed()
    {
        Assert.Equal(PathRejection.HardLink, _resolver.Resolve("hard-out.txt").Rejection);
        Assert.Equal(PathRejection.HardLink, new SafePathResolver(_root, new SafePathOptions { MustExist = true }).Resolve("hard-out.txt").Rejection);

        var allowing = new SafePathResolver(_root, new SafePathOptions { AllowHardLinks = true });
        Assert.True(allowing.Resolve("hard-out.txt").Succeeded);

        // Once the other name is gone the file is an ordinary single-link file again.
        File.Delete(Path.Combine(_base, "outside.txt"));
        Assert.True(_resolver.Resolve("hard-out.txt").Succeeded);
    }

    [Fact]
    public void Any_accepted_path_is_inside_the_root()
    {
        string[] pieces = ["a", "b.txt", ".", "..", "/", "\\", "%", "2e", ":", " ", "\0", "ü", "\uFF0E", "docs", "dir-out", "link-out.txt", "CON", "~"];
        Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[1, 10].Select(p => string.Concat(p)).Sample(input =>
        {
            SafePathResult result = _resolver.Resolve(input);
            if (result.Succeeded)
            {
                Assert.StartsWith(_resolver.Root + Path.DirectorySeparatorChar, result.Path.FullPath, StringComparison.Ordinal);
                Assert.DoesNotContain("..", result.Path.RelativePath.Split('/'));
            }
        }, iter: 5000);
    }

    [Fact]
    public void The_root_must_be_an_existing_absolute_directory()
    {
        Assert.Throws<ArgumentException>(() => new SafePathResolver("relative/root"));
        Assert.Throws<DirectoryNotFoundException>(() => new SafePathResolver(Path.Combine(_base, "missing")));
    }
}
