using System.IO;
using System.Linq;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Bastion.Generators.Tests;

/// <summary>Request records declared in a referenced library are checked exactly like local ones.</summary>
public sealed class CrossAssemblyTests
{
    [Fact]
    public void Attributes_on_records_from_a_referenced_assembly_are_generated()
    {
        CSharpCompilation contracts = GeneratorHarness.Compile(
            [Scenarios.Usings + """
                namespace Contracts;
                public sealed record Post([Required, StringLength(100), Sanitize] string Title, Author Author, IReadOnlyList<Tag>? Tags);
                public sealed record Author([Required, Sanitize(HtmlPolicy.Reject)] string Name);
                public sealed record Tag([RegularExpression("^[a-z]+$")] string Name);
                """],
            [],
            "Contracts");
        using var image = new MemoryStream();
        Assert.True(contracts.Emit(image, cancellationToken: TestContext.Current.CancellationToken).Success);

        CSharpCompilation app = GeneratorHarness.Compile(
            [Scenarios.Usings + """
                namespace App;
                [BastionEndpoints]
                public static partial class PostEndpoints
                {
                    [Post("/posts"), CsrfProtected]
                    public static IResult Create(Contracts.Post post) => TypedResults.Ok();
                }
                """],
            [MetadataReference.CreateFromImage(image.ToArray())]);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(app, out Compilation output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string generated = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("PostEndpoints.Endpoints.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.Contains("errors.Add(\"title\", \"The title field is required.\")", generated, System.StringComparison.Ordinal);
        Assert.Contains("HtmlText.Encode(memberTitle)", generated, System.StringComparison.Ordinal);
        Assert.Contains("HtmlText.ContainsMarkup(memberName)", generated, System.StringComparison.Ordinal);
        Assert.Contains("Patterns.Pattern0", generated, System.StringComparison.Ordinal);
    }
}
