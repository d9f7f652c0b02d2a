using Bastion.SizeReport;
using Bastion.Testing;
using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>
/// Pay for what you use, checked on the NativeAOT compiler's own record of what it compiled (the mstat file): an app
/// whose [Sanitize] fields are all Text or Reject and whose [CsrfProtected] endpoints are tokenless contains no code of
/// HtmlSanitizer, AngleSharp, antiforgery or Data Protection. The sample (a BasicFormatting field, tokenless CSRF) is the
/// control: the same check finds AngleSharp in it (NativeAotTests), so the check can fail.
/// </summary>
[Collection(nameof(SerialToolchainRuns))]
public sealed class NativeImageContentsTests
{
    /// <summary>Assemblies a Text/Reject-only app must not contain, and namespaces only they declare (also not as generic arguments).</summary>
    internal static readonly (string[] Assemblies, string[] Namespaces) HtmlParser = (["AngleSharp", "AngleSharp.Css", "HtmlSanitizer"], ["AngleSharp.", "Ganss."]);

    /// <summary>
    /// What token CSRF brings. (Routing's IAntiforgeryMetadata lives in Microsoft.AspNetCore.Http.Abstractions and is in
    /// every ASP.NET Core app, so namespaces are not checked here.)
    /// </summary>
    internal static readonly (string[] Assemblies, string[] Namespaces) Tokens = (["Microsoft.AspNetCore.Antiforgery", "Microsoft.AspNetCore.DataProtection", "System.Security.Cryptography.Xml"], []);

    [Fact]
    public async Task A_text_only_tokenless_app_links_no_html_parser_and_no_antiforgery()
    {
        string root = RepositoryRoot.Find();
        string project = Path.Combine(root, "benchmarks", "Variants", "Bastion.Variants.Generated");
        string output = Directory.CreateTempSubdirectory("bastion-aot-variant-").FullName;
        try
        {
            (int exit, string log) = await ProcessRunner.RunAsync("dotnet",
                ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-p:IlcGenerateMstatFile=true"],
                root, TimeSpan.FromMinutes(15));
            Assert.True(exit == 0, log);

            MstatReader image = ReadImage(project, "Bastion.Variants.Generated");
            Assert.True(image.BytesByAssembly.ContainsKey("Bastion"), "the image should contain Bastion's own code: " + string.Join(", ", image.BytesByAssembly.Keys));
            AssertAbsent(image, HtmlParser);
            AssertAbsent(image, Tokens);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The mstat file the compiler wrote for the last publish of <paramref name="project"/>.</summary>
    internal static MstatReader ReadImage(string project, string name)
    {
        string path = Path.Combine(project, "obj", "Release", "net10.0", "linux-x64", "native", name + ".mstat");
        Assert.True(File.Exists(path), "no mstat file at " + path + " (published with -p:IlcGenerateMstatFile=true?)");
        return MstatReader.Read(path);
    }

    internal static void AssertAbsent(MstatReader image, (string[] Assemblies, string[] Namespaces) banned)
    {
        string[] linked = banned.Assemblies.Where(image.BytesByAssembly.ContainsKey).ToArray();
        Assert.True(linked.Length == 0, "compiled into the native image: " + string.Join(", ", linked.Select(a => $"{a} ({image.BytesByAssembly[a] / 1024} KB)")));
        string[] types = image.TypeNames.Where(t => banned.Namespaces.Any(n => t.Contains(n, StringComparison.Ordinal))).Take(10).ToArray();
        Assert.True(types.Length == 0, "types from these namespaces are compiled in: " + string.Join(", ", types));
    }

    internal static void AssertPresent(MstatReader image, string assembly)
        => Assert.True(image.BytesByAssembly.ContainsKey(assembly), $"{assembly} should be in this image; the check may be reading the wrong file. Found: {string.Join(", ", image.BytesByAssembly.Keys.Order(StringComparer.Ordinal))}");
}
