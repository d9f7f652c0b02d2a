using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bastion.CodeFixes;
using Bastion.Analyzers;
using Bastion.Analyzers.Tests.Scoring;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Bastion.Analyzers.Tests.CodeFixes;

/// <summary>The BAS1410 code fix turns interpolation holes of request values in a Dapper call into parameters, and the result is clean.</summary>
public sealed class SqlCodeFixTests
{
    private const string Prelude = """
        using System.Collections.Generic;
        using Dapper;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.Sqlite;

        public sealed record Row(long Id, string Name);
        public sealed record Filter(string Name, long Owner);

        public sealed class RowsController : ControllerBase
        {
            public IEnumerable<Row> Run([FromServices] SqliteConnection conn, string name, [FromQuery] Filter filter, long id)
            {
                return BODY;
            }
        }
        """;

    [Theory]
    [InlineData(
        """conn.Query<Row>($"SELECT id, name FROM users WHERE name = '{name}' AND id = {id}")""",
        """conn.Query<Row>("SELECT id, name FROM users WHERE name = @name AND id = @id", param: new { name, id })""")]
    [InlineData(
        """conn.Query<Row>($"SELECT id, name FROM users WHERE name = '{filter.Name}' AND owner = {filter.Owner}")""",
        """conn.Query<Row>("SELECT id, name FROM users WHERE name = @name AND owner = @owner", param: new { name = filter.Name, owner = filter.Owner })""")]
    [InlineData(
        """conn.Query<Row>($"SELECT id, name FROM users WHERE name = '{name.Trim()}' OR alias = '{name}'")""",
        """conn.Query<Row>("SELECT id, name FROM users WHERE name = @p0 OR alias = @name", param: new { p0 = name.Trim(), name })""")]
    [InlineData(
        """conn.Query<Row>($"SELECT id, name FROM users WHERE name = '{name}' AND brace = '{{x}}'")""",
        """conn.Query<Row>("SELECT id, name FROM users WHERE name = @name AND brace = '{x}'", param: new { name })""")]
    public async Task Interpolation_holes_become_parameters(string before, string after)
    {
        string source = Prelude.Replace("BODY", before, System.StringComparison.Ordinal);
        string fixedSource = await ApplyFix(source);
        Assert.Equal(Prelude.Replace("BODY", after, System.StringComparison.Ordinal), fixedSource);

        var compilation = Compile(fixedSource);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(await compilation.WithAnalyzers([new SqlInjectionAnalyzer()]).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task No_fix_is_offered_when_the_call_already_has_parameters()
    {
        string source = Prelude.Replace("BODY", """conn.Query<Row>($"SELECT id, name FROM users WHERE name = '{name}' AND id = @id", new { id })""", System.StringComparison.Ordinal);
        Assert.Empty(await Actions(source));
    }

    private static CSharpCompilation Compile(string source) => SnippetCompiler.Compile("Fix", [CSharpSyntaxTree.ParseText(source, SnippetCompiler.ParseOptions)]);

    private static async Task<string> ApplyFix(string source)
    {
        (Document document, ImmutableArray<CodeAction> actions) = await ActionsFor(source);
        CodeAction action = Assert.Single(actions);
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        SourceText text = await solution.GetDocument(document.Id)!.GetTextAsync();
        return text.ToString();
    }

    private static async Task<ImmutableArray<CodeAction>> Actions(string source) => (await ActionsFor(source)).Actions;

    private static async Task<(Document Document, ImmutableArray<CodeAction> Actions)> ActionsFor(string source)
    {
        using var workspace = new AdhocWorkspace();
        CSharpCompilation reference = Compile(source);
        Project project = workspace.AddProject("Fix", LanguageNames.CSharp)
            .WithCompilationOptions(reference.Options)
            .WithParseOptions(SnippetCompiler.ParseOptions)
            .WithMetadataReferences(reference.References);
        Document document = project.AddDocument("Repository.cs", source);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers([new SqlInjectionAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        Diagnostic diagnostic = Assert.Single(diagnostics);
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new SqlInterpolationCodeFix().RegisterCodeFixesAsync(context);
        return (document, actions.ToImmutable());
    }
}
