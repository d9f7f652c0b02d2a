using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Analyzers.Tests.Scoring;
using Bastion.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Bastion.Analyzers.Tests.CodeFixes;

/// <summary>Each mechanical code fix removes its diagnostic, and the fixed code compiles.</summary>
public sealed class CodeFixTests
{
    private const string Usings = """
        using System;
        using System.Diagnostics;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.IdentityModel.Tokens;

        """;

    [Theory]
    [InlineData("BAS1520",
        """public static class E { public static void Map(WebApplication app) => app.MapPost("/login", (HttpContext c) => { c.Response.Cookies.Append("session", Guid.NewGuid().ToString("N")); return Results.Ok(); }); }""",
        "HardenedCookies.Options()")]
    [InlineData("BAS1520",
        """public static class E { public static void Map(WebApplication app) => app.MapPost("/login", (HttpContext c) => { c.Response.Cookies.Append("session", Guid.NewGuid().ToString("N"), new CookieOptions { HttpOnly = false, SameSite = SameSiteMode.Lax }); return Results.Ok(); }); }""",
        "Secure = true")]
    [InlineData("BAS1521",
        """public static class E { public static void Add(IServiceCollection s) => s.AddAuthentication().AddCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest); }""",
        "CookieSecurePolicy.Always")]
    [InlineData("BAS1701",
        """public static class E { public static void Add(IServiceCollection s) => s.AddAuthentication().AddJwtBearer(o => o.TokenValidationParameters.ValidateLifetime = false); }""",
        "ValidateLifetime = true")]
    [InlineData("BAS1701",
        """public static class E { public static void Add(IServiceCollection s) => s.AddAuthentication().AddJwtBearer(o => o.TokenValidationParameters.ClockSkew = TimeSpan.FromDays(7)); }""",
        "FromMinutes(1)")]
    [InlineData("BAS1801",
        """public static class E { public static void Map(WebApplication app) => app.MapGet("/hi", (string name, int n) => Results.Content($"<h1>Hello {name}</h1><p>{n}</p>", "text/html")); }""",
        "WebUtility.HtmlEncode(name)")]
    [InlineData("BAS1306",
        """public static class E { public static void Map(WebApplication app) => app.MapGet("/ls", (string host) => { var psi = new ProcessStartInfo("/usr/bin/ssh"); psi.ArgumentList.Add(host); Process.Start(psi); return Results.Ok(); }); }""",
        ".Add(\"--\")")]
    public async Task The_fix_removes_the_diagnostic(string id, string code, string expected)
    {
        string source = Usings + code;
        Assert.Contains(id, await Ids(source));
        string fixedSource = await ApplyAsync(source, id);
        Assert.Contains(expected, fixedSource, System.StringComparison.Ordinal);
        Assert.Empty(Compile(fixedSource).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(id, await Ids(fixedSource));
    }

    private static CSharpCompilation Compile(string source) => SnippetCompiler.Compile("Fix", [CSharpSyntaxTree.ParseText(source, SnippetCompiler.ParseOptions)]);

    private static async Task<string[]> Ids(string source)
    {
        (ImmutableArray<Diagnostic> diagnostics, _) = SecurityTool.Bastion.Run(Compile(source), CancellationToken.None);
        await Task.CompletedTask;
        return [.. diagnostics.Select(d => d.Id)];
    }

    private static async Task<string> ApplyAsync(string source, string id)
    {
        using var workspace = new AdhocWorkspace();
        CSharpCompilation reference = Compile(source);
        Project project = workspace.AddProject("Fix", LanguageNames.CSharp)
            .WithCompilationOptions(reference.Options).WithParseOptions(SnippetCompiler.ParseOptions).WithMetadataReferences(reference.References);
        Document document = project.AddDocument("Code.cs", source);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        (ImmutableArray<Diagnostic> diagnostics, _) = SecurityTool.Bastion.Run((CSharpCompilation)compilation, CancellationToken.None);
        Diagnostic diagnostic = diagnostics.First(d => d.Id == id);
        CodeFixProvider[] fixes = [new FlagCodeFixes(), new CookieCodeFix(), new HtmlEncodeCodeFix(), new OptionSeparatorCodeFix(), new SqlInterpolationCodeFix()];
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        foreach (CodeFixProvider fix in fixes.Where(f => f.FixableDiagnosticIds.Contains(id)))
        {
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        CodeAction chosen = Assert.Single(actions);
        ImmutableArray<CodeActionOperation> operations = await chosen.GetOperationsAsync(CancellationToken.None);
        Solution solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        SourceText text = await solution.GetDocument(document.Id)!.GetTextAsync();
        return text.ToString();
    }
}
