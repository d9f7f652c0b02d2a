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

    /// <summary>
    /// A data library generates the reader of its row type; its tests (InternalsVisibleTo) declare their own [Sql]
    /// method returning the same type. Both readers must not share a full name: the tests' reader would conflict with
    /// the library's internal one (CS0436, an error under warnings as errors).
    /// </summary>
    [Fact]
    public void Row_types_from_a_library_that_shares_its_internals_get_a_reader_of_their_own()
    {
        CSharpCompilation library = GeneratorHarness.Compile(
            [Scenarios.Usings + """
                using System.Data.Common;
                [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Data.Tests")]
                namespace Data;
                public sealed record NoteRow(long Id, string Title);
                public static partial class Notes
                {
                    [Sql("SELECT id, title FROM notes WHERE id = @id")]
                    public static partial Task<NoteRow?> Find(this DbConnection db, [SqlParam] long id);
                }
                """],
            [],
            "Data");
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(library, out Compilation generatedLibrary, out _);
        using var image = new MemoryStream();
        Assert.True(generatedLibrary.Emit(image, cancellationToken: TestContext.Current.CancellationToken).Success);

        CSharpCompilation tests = GeneratorHarness.Compile(
            [Scenarios.Usings + """
                using System.Data.Common;
                namespace Data;
                public static partial class NoteChecks
                {
                    [Sql("SELECT id, title FROM notes ORDER BY id")]
                    public static partial Task<IReadOnlyList<NoteRow>> All(this DbConnection db);

                    public static object LibraryReader => typeof(NoteRowSqlReader);
                }
                """],
            [MetadataReference.CreateFromImage(image.ToArray())],
            "Data.Tests");
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(tests, out Compilation output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith("Data.NoteRowSqlReader.g.cs", System.StringComparison.Ordinal));
    }
}
