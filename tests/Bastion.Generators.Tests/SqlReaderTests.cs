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

    /// <summary>
    /// Users name parameters and connections freely: every name the generated body uses for its own locals (query,
    /// dialect, sql, command, opened, reader, rows, row, ordinals, item) is taken by the method here, in every return
    /// shape, with identifiers, IN lists and length checks, and the generated code must still compile and use the
    /// user's values.
    /// </summary>
    [Fact]
    public void Parameters_named_like_the_generated_locals_compile()
    {
        const string source = Scenarios.Usings + """
            using System.Data.Common;
            using Bastion.Sql;

            namespace Data;

            public enum Column { Id, Title }
            public sealed record Note(long Id, string Title);

            public static partial class Clashes
            {
                [Sql("SELECT id, title FROM notes WHERE title = @sql AND id IN @command ORDER BY {dialect} LIMIT @reader")]
                public static partial Task<IReadOnlyList<Note>> Rows(this DbConnection query, [SqlParam(MaxLength = 10)] string sql, [SqlParam(MaxLength = 10)] IReadOnlyList<string> command, [SqlIdentifier] Column dialect, [SqlParam] int reader, CancellationToken opened = default);

                [Sql("SELECT id, title FROM notes WHERE id = @rows")]
                public static partial Task<Note> Row(this DbConnection row, [SqlParam] long rows, DbTransaction? ordinals = null, CancellationToken item = default);

                [Sql("SELECT id, title FROM notes WHERE id = @row")]
                public static partial Task<Note?> First(this DbConnection reader, [SqlParam] long row, int? commandTimeout = null);

                [Sql("SELECT title FROM notes WHERE id IN @item")]
                public static partial IAsyncEnumerable<string> Stream(this DbConnection sql, [SqlParam(MaxLength = 5)] IEnumerable<string> item, CancellationToken rows = default);

                [Sql("SELECT count(*) FROM notes WHERE id = @query")]
                public static partial Task<long> Count(this DbConnection command, [SqlParam] long query, DbTransaction? reader = null);

                [Sql("DELETE FROM notes WHERE id = @opened2 OR id = @ordinals")]
                public static partial Task<int> Delete(this DbConnection opened, [SqlParam] long opened2, [SqlParam] long ordinals);
            }
            """;

        GeneratorRunOutcome run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems());

        // The user's names keep their meaning: the connection 'query', the value 'sql'; the generated locals step aside.
        string rows = Assert.Single(run.Result.Results.Single().GeneratedSources, s => s.HintName == "Data.Clashes.Rows.Sql.g.cs").SourceText.ToString();
        Assert.Contains("CheckLength(sql, 10, \"sql\", query_)", rows, System.StringComparison.Ordinal);
        Assert.Contains("CreateCommand(query, sql_, null, null)", rows, System.StringComparison.Ordinal);
    }
}
