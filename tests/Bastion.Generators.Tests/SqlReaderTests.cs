using System.Linq;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Bastion.Generators.Tests;

/// <summary>
/// Row readers are generated once per row type, whichever [Sql] methods return it, and their step of the pipeline
/// stays cached like the per-method steps.
/// </summary>
public sealed class SqlReaderTests
{
    private const string Queries = Scenarios.Usings + """
        using System.Data.Common;

        namespace Data;

        public sealed record NoteRow(long Id, string Title, string? Body);

        public static partial class NoteQueries
        {
            [Sql("SELECT id, title, body FROM notes WHERE id = @id")]
            public static partial Task<NoteRow?> Find(this DbConnection db, [SqlParam] long id);

            [Sql("SELECT title, id FROM notes ORDER BY id")]
            public static partial Task<IReadOnlyList<NoteRow>> Titles(this DbConnection db);
        }
        """;

    private const string MoreQueries = Scenarios.Usings + """
        using System.Data.Common;

        namespace Reports;

        public static partial class NoteReports
        {
            [Sql("SELECT id, title, body FROM notes")]
            public static partial IAsyncEnumerable<Data.NoteRow> All(this DbConnection db);
        }
        """;

    [Fact]
    public void Methods_in_different_classes_and_namespaces_share_one_reader_per_row_type()
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Queries, MoreQueries);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems());
        GeneratedSourceResult[] sources = run.Result.Results.Single().GeneratedSources.ToArray();
        GeneratedSourceResult reader = Assert.Single(sources, s => s.SourceText.ToString().Contains("static class NoteRowSqlReader", System.StringComparison.Ordinal));
        Assert.Equal("Data.NoteRowSqlReader.g.cs", reader.HintName);
        foreach (string method in new[] { "Data.NoteQueries.Find.Sql.g.cs", "Data.NoteQueries.Titles.Sql.g.cs", "Reports.NoteReports.All.Sql.g.cs" })
        {
            string text = Assert.Single(sources, s => s.HintName == method).SourceText.ToString();
            Assert.Contains("NoteRowSqlReader.Resolve(reader, query", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain("SqlRows", text, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Nested_generic_and_private_row_types_get_readers_that_compile()
    {
        const string source = Scenarios.Usings + """
            using System.Data.Common;

            namespace Data;

            public sealed record Pair<T>(long Id, T Value);
            public static class Outer { public sealed record Row(long Id); }
            public sealed record Row(long Id);

            public partial class Q
            {
                private sealed record Row(long Id, string Name);
                protected internal sealed record Shared(long Id);

                [Sql("SELECT id, value FROM t")] public static partial Task<IReadOnlyList<Pair<string>>> Strings(DbConnection db);
                [Sql("SELECT id, value FROM t")] public static partial Task<IReadOnlyList<Pair<long>>> Numbers(DbConnection db);
                [Sql("SELECT id FROM t")] public static partial Task<IReadOnlyList<Outer.Row>> Outers(DbConnection db);
                [Sql("SELECT id FROM t")] public static partial Task<IReadOnlyList<Data.Row>> Tops(DbConnection db);
                [Sql("SELECT id, name FROM t")] private static partial Task<IReadOnlyList<Row>> Privates(DbConnection db);
                [Sql("SELECT id FROM t")] internal static partial Task<IReadOnlyList<Shared>> Shareds(DbConnection db);
            }
            """;
        GeneratorRunOutcome run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems());
        string[] readers = run.Result.Results.Single().GeneratedSources.Select(s => s.HintName).Where(h => h.Contains("SqlReader", System.StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, readers.Length);
        Assert.Contains("Data.RowSqlReader.g.cs", readers);
        Assert.Contains("Data.Q.RowSqlReader.g.cs", readers);
        Assert.Single(readers, r => r.StartsWith("Data.Outer_RowSqlReader_", System.StringComparison.Ordinal));
        Assert.Equal(2, readers.Count(r => r.StartsWith("Data.PairSqlReader_", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void A_member_named_like_the_ordinals_struct_still_compiles()
    {
        const string source = Scenarios.Usings + """
            using System.Data.Common;
            public sealed class Stats { public long Ordinals { get; set; } public string? @class { get; set; } }
            public static partial class Q
            {
                [Sql("SELECT ordinals, class FROM t")] public static partial Task<Stats> Get(DbConnection db);
            }
            """;
        GeneratorRunOutcome run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Contains("public struct _Ordinals", run.Source("StatsSqlReader.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_step_is_cached_across_an_unrelated_edit_and_a_new_method_returning_a_known_row()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Queries, "namespace Other { public static class Helper { public static int Value() => 1; } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        SyntaxTree helper = compilation.SyntaxTrees.Last();
        compilation = compilation.ReplaceSyntaxTree(helper,
            CSharpSyntaxTree.ParseText("namespace Other { public static class Helper { public static int Value() => 2; } }", GeneratorHarness.ParseOptions, helper.FilePath));
        driver = driver.RunGenerators(compilation);
        AssertReadersCached(driver);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(MoreQueries, GeneratorHarness.ParseOptions, "More.cs")));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.SqlModels].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.New);
        AssertReadersCached(driver);
    }

    [Fact]
    public void Changing_the_row_type_modifies_its_reader()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Queries);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        string changed = Queries.Replace("string? Body)", "string? Body, int? Stars)", System.StringComparison.Ordinal);
        Assert.NotEqual(Queries, changed);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(changed, GeneratorHarness.ParseOptions, tree.FilePath)));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.SqlRowReaders].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("ColumnMatches(name, \"Stars\")", result.GeneratedSources.Single(s => s.HintName == "Data.NoteRowSqlReader.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }

    private static void AssertReadersCached(GeneratorDriver driver)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.True(result.TrackedSteps.ContainsKey(TrackingNames.SqlRowReaders), "the reader step is not tracked");
        var outputs = result.TrackedSteps[TrackingNames.SqlRowReaders].SelectMany(s => s.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }
}
