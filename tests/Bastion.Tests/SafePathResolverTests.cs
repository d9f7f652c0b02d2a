using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bastion.Paths;
using Bastion.Testing;
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

    private static void HardLink(string target, string link) => Tool.Run("ln", target, link);

    public static TheoryData<string> HostileInputs()
    {
        var data = new TheoryData<string>();
        foreach (string input in HostilePaths.All())
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
    [InlineData("notes; draft.txt", "notes; draft.txt")]
    [InlineData("C++/main.cpp", "C++/main.cpp")]
    [InlineData("50% off.txt", "50% off.txt")]
    [InlineData("re\u0301sume\u0301.pdf", "re\u0301sume\u0301.pdf")]
    [InlineData("日本語のファイル.txt", "日本語のファイル.txt")]
    [InlineData("emoji \U0001F600.txt", "emoji \U0001F600.txt")]
    [InlineData("...a.txt", "...a.txt")]
    [InlineData("a\u00A0b.txt", "a\u00A0b.txt")]
    [InlineData(".\u00E9", ".\u00E9")]
    [InlineData("\u8CEA\u554F\uFF1F.txt", "\u8CEA\u554F\uFF1F.txt")]
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

    [Theory]
    [InlineData("..;x/outside.txt", PathRejection.ParentSegment)]
    [InlineData("..\uFF1Bx/outside.txt", PathRejection.ParentSegment)]
    [InlineData(".\u0301./outside.txt", PathRejection.ParentSegment)]
    [InlineData("..\u3000/outside.txt", PathRejection.ParentSegment)]
    [InlineData("a.txt\u3000", PathRejection.TrailingDotOrSpace)]
    [InlineData("CON;x", PathRejection.DeviceName)]
    [InlineData("%u002e%u002e/outside.txt", PathRejection.EncodedOrLookAlike)]
    [InlineData("\uFE30/outside.txt", PathRejection.EncodedOrLookAlike)]
    [InlineData("\uD83C\uDD00.txt", PathRejection.EncodedOrLookAlike)]
    [InlineData("a\u2215b", PathRejection.EncodedOrLookAlike)]
    [InlineData("a\uD800b.txt", PathRejection.ControlCharacter)]
    [InlineData("a\u0378b.txt", PathRejection.ControlCharacter)]
    [InlineData("\u00BD cup.txt", PathRejection.EncodedOrLookAlike)] // NFKC 1⁄2, best-fit 1/2
    [InlineData("Don\u00B4t.txt", PathRejection.EncodedOrLookAlike)] // best-fit '/' on code page 1253
    [InlineData("\u30D5\u30A1\u30A4\u30EB\uFF1A\u540D.txt", PathRejection.EncodedOrLookAlike)] // fullwidth colon
    [InlineData("\u8CC7\u6599.\u6700\u7D42.\u78BA\u8A8D", PathRejection.ParentSegment)] // a slug maker leaves ".."
    public void Each_layer_rule_gives_its_reason(string input, PathRejection expected)
        => Assert.Equal(expected, _resolver.Resolve(input).Rejection);

    [Fact]
    public void Caps_are_checked_before_anything_else()
    {
        string deep = string.Concat(Enumerable.Repeat("missing/", SafePathResolver.MaxSegments - 1)) + "file.txt";
        Assert.True(_resolver.Resolve(deep).Succeeded);
        Assert.Equal(PathRejection.TooManySegments, _resolver.Resolve("x/" + deep).Rejection);
        Assert.Equal(PathRejection.TooManySegments, _resolver.Resolve(string.Concat(Enumerable.Repeat("a/", 2000))).Rejection);
        Assert.Equal(PathRejection.TooLong, _resolver.Resolve(new string('a', SafePathResolver.MaxPathLength + 1)).Rejection);
        Assert.Equal(PathRejection.TooLong, _resolver.Resolve(new string('a', SafePathResolver.MaxSegmentBytes + 1)).Rejection);
        Assert.True(_resolver.Resolve(new string('a', SafePathResolver.MaxSegmentBytes)).Succeeded);
        string longName = new('é', SafePathResolver.MaxSegmentBytes / 2);
        Assert.Equal(PathRejection.TooLong, _resolver.Resolve(string.Join('/', Enumerable.Repeat(longName, 17))).Rejection); // over PATH_MAX in bytes
        Assert.True(_resolver.Resolve(string.Join('/', Enumerable.Repeat(longName, 15))).Succeeded);
    }

    [Fact]
    public void The_extension_must_hold_for_the_name_a_url_layer_sees_too()
    {
        var txtOnly = new SafePathResolver(_root, new SafePathOptions { AllowedExtensions = [".txt"] });
        Assert.True(txtOnly.Resolve("notes.txt;v=2.txt").Succeeded);
        Assert.Equal(PathRejection.ExtensionNotAllowed, txtOnly.Resolve("notes; draft.txt").Rejection); // "notes" has none
        Assert.Equal(PathRejection.ExtensionNotAllowed, txtOnly.Resolve("shell.jsp;.txt").Rejection);
        Assert.Equal(PathRejection.ExtensionNotAllowed, txtOnly.Resolve("shell.jsp\uFF1B.txt").Rejection);
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

    /// <summary>
    /// Differential: on Linux the kernel resolves the path (one open, /proc/self/fd); elsewhere .NET's file APIs walk it
    /// component by component. Both must give the same verdict and the same real path, links of every kind included.
    /// </summary>
    [Fact]
    public void The_kernel_walk_and_the_portable_walk_agree()
    {
        Assert.SkipWhen(!OperatingSystem.IsLinux(), "the kernel walk is Linux-only");
        var portable = new SafePathResolver(_root) { UsePortableWalk = true };
        string[] linked = ["inner-link/new.txt", "inner-link/report.pdf", "dir-out/uploads/a.txt", "dir-out/uploads/docs/report.pdf", "dangling-out.txt",
            "dangling-out.txt/x", "loop-a/x", "a.txt/x", "docs/missing/deeper/x.txt", "missing/inner-link", "relative-out.txt", "link-out.txt"];
        string[] pieces = ["a.txt", "docs", "report.pdf", "inner-link", "dir-out", "uploads", "dangling-out.txt", "loop-a", "missing", "nested", "deeper", "file.txt", "/", ".", "é"];
        var inputs = HostilePaths.All().Concat(linked).Concat(Enumerable.Range(0, 3000).Select(i =>
            string.Join('/', Enumerable.Range(0, 1 + (i % 5)).Select(j => pieces[(i * 7 + j * 13) % pieces.Length]))));
        foreach (string input in inputs)
        {
            SafePathResult kernel = _resolver.Resolve(input);
            SafePathResult walked = portable.Resolve(input);
            Assert.True(kernel.Rejection == walked.Rejection, $"'{input}': kernel {kernel.Rejection}, portable {walked.Rejection}");
            if (kernel.Succeeded)
            {
                Assert.Equal(walked.Path.FullPath, kernel.Path.FullPath);
            }
        }
    }

    [Fact]
    public void The_root_must_be_an_existing_absolute_directory()
    {
        Assert.Throws<ArgumentException>(() => new SafePathResolver("relative/root"));
        Assert.Throws<DirectoryNotFoundException>(() => new SafePathResolver(Path.Combine(_base, "missing")));
    }
}
