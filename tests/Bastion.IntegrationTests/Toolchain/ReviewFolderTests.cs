using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>
/// BastionReviewFolder (docs/review.md) in a fresh app built against the packed package: a build writes the manifest
/// and the generated sources; after an attribute change a CI build fails naming each stale file and a local build
/// refreshes them; a file the generator stopped producing is reported, then removed.
/// </summary>
[Collection(nameof(SerialToolchainRuns))]
public sealed class ReviewFolderTests
{
    private static readonly Dictionary<string, string?> OnCi = new() { ["CI"] = "true" };
    private static readonly Dictionary<string, string?> OffCi = new() { ["CI"] = null, ["TF_BUILD"] = null };

    [Fact]
    public async Task Build_writes_the_review_copy_and_a_CI_build_fails_when_it_is_stale()
    {
        PackedPackages.Packed packed = await PackedPackages.GetAsync();
        string app = Directory.CreateTempSubdirectory("bastion-review-").FullName;
        try
        {
            PackedPackages.WriteNuGetConfig(app, packed.Feed);
            File.WriteAllText(Path.Combine(app, "ReviewApp.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <BastionReviewFolder>security-review</BastionReviewFolder>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Bastion" Version="{packed.Version}" />
                  </ItemGroup>
                </Project>
                """);
            WriteEndpoints(app, "NoteEndpoints", "/notes");
            string review = Path.Combine(app, "security-review");

            // A developer's build (not on CI) writes the copy.
            string output = await Build(app, OffCi, expectSuccess: true);
            Assert.Contains("Bastion: review copy in", output, StringComparison.Ordinal);
            string manifest = File.ReadAllText(Path.Combine(review, "SECURITY-MANIFEST.md"));
            Assert.Contains("| POST | /notes | NoteEndpoints.Create |", manifest, StringComparison.Ordinal);
            string endpoints = Path.Combine(review, "Generated", "NoteEndpoints.Endpoints.g.cs");
            Assert.True(File.Exists(endpoints), string.Join("\n", Directory.GetFiles(review, "*", SearchOption.AllDirectories)));
            // The copy is the compiler's own output, byte for byte (line endings normalised).
            string compilerCopy = Directory.GetFiles(Path.Combine(app, "obj"), "NoteEndpoints.Endpoints.g.cs", SearchOption.AllDirectories).Single();
            Assert.Equal(File.ReadAllText(compilerCopy).Replace("\r\n", "\n", StringComparison.Ordinal), File.ReadAllText(endpoints));

            // Unchanged sources: a CI build passes (and the committed copies, inside the project, are not compiled twice).
            await Build(app, OnCi, expectSuccess: true);

            // An attribute change: the CI build names both stale files; nothing is rewritten.
            WriteEndpoints(app, "NoteEndpoints", "/api/notes");
            output = await Build(app, OnCi, expectSuccess: false);
            Assert.Contains("error BAS0001", output, StringComparison.Ordinal);
            Assert.Contains("the review copy SECURITY-MANIFEST.md is stale", output, StringComparison.Ordinal);
            Assert.Contains("the review copy Generated/NoteEndpoints.Endpoints.g.cs is stale", output, StringComparison.Ordinal);
            Assert.DoesNotContain("/api/notes", File.ReadAllText(Path.Combine(review, "SECURITY-MANIFEST.md")), StringComparison.Ordinal);

            // The property overrides the CI detection both ways.
            await Build(app, OnCi, expectSuccess: true, "-p:BastionReviewCheck=false");
            Assert.Contains("| POST | /api/notes |", File.ReadAllText(Path.Combine(review, "SECURITY-MANIFEST.md")), StringComparison.Ordinal);
            await Build(app, OffCi, expectSuccess: true, "-p:BastionReviewCheck=true");

            // A renamed class: its old file is no longer generated (reported on CI, removed by a local build).
            WriteEndpoints(app, "MemoEndpoints", "/api/notes");
            output = await Build(app, OnCi, expectSuccess: false);
            Assert.Contains("the review copy Generated/NoteEndpoints.Endpoints.g.cs is no longer generated", output, StringComparison.Ordinal);
            Assert.Contains("the review copy Generated/MemoEndpoints.Endpoints.g.cs is missing", output, StringComparison.Ordinal);
            await Build(app, OffCi, expectSuccess: true);
            Assert.False(File.Exists(endpoints));
            Assert.True(File.Exists(Path.Combine(review, "Generated", "MemoEndpoints.Endpoints.g.cs")));

            // An up-to-date incremental build (no compilation) still knows which files the last compilation wrote:
            // the compiler's folder keeps the stale NoteEndpoints file, the copy does not get it back.
            await Build(app, OffCi, expectSuccess: true);
            Assert.True(Directory.GetFiles(Path.Combine(app, "obj"), "NoteEndpoints.Endpoints.g.cs", SearchOption.AllDirectories).Length > 0);
            Assert.False(File.Exists(endpoints));
            await Build(app, OnCi, expectSuccess: true);
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
    }

    private static void WriteEndpoints(string app, string className, string route)
        => File.WriteAllText(Path.Combine(app, "Program.cs"), $$"""
            using System.ComponentModel.DataAnnotations;
            using Bastion;

            var builder = WebApplication.CreateSlimBuilder(args);
            builder.AddBastion();
            var app = builder.Build();
            app.UseBastion();
            app.MapBastionEndpoints();
            app.Run();

            public sealed record Note([Required, Sanitize] string Text);

            [BastionEndpoints]
            public static partial class {{className}}
            {
                [Post("{{route}}"), CsrfProtected]
                public static Note Create(Note note) => note;
            }
            """);

    private static async Task<string> Build(string app, Dictionary<string, string?> environment, bool expectSuccess, params string[] properties)
    {
        (int exit, string output) = await ProcessRunner.RunAsync("dotnet", ["build", .. properties], app, PackedPackages.BuildTimeout, environment);
        Assert.True(expectSuccess == (exit == 0), $"dotnet build {string.Join(' ', properties)} exited {exit}:\n{output}");
        return output;
    }
}
