using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Bastion.Testing;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bastion.Generators.Tests;

/// <summary>
/// Form binding Bastion cannot honour is a compile error at the parameter, member or method (BAS1016–BAS1019), reported in
/// the same build as every other finding, and the class generates nothing; what it can honour compiles cleanly.
/// </summary>
public sealed class FormDiagnosticTests
{
    private const string Upload = "[SafePath(Root = \"Uploads:Root\")] IFormFile file";

    private static Diagnostic Single(string source, string id)
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.Usings + source);
        Diagnostic[] matching = run.GeneratorDiagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1, $"expected one {id}, got: {string.Join("; ", run.GeneratorDiagnostics)}");
        Assert.Equal(DiagnosticSeverity.Error, matching[0].Severity);
        Assert.True(matching[0].Location.IsInSource, "diagnostics must point at source so #pragma and .editorconfig work");
        Assert.EndsWith($"docs/rules/{id}.md", matching[0].Descriptor.HelpLinkUri, System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.Result.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.EndsWith(".Endpoints.g.cs", System.StringComparison.Ordinal));
        return matching[0];
    }

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    private static string Endpoint(string attributes, string parameters, string types = "")
        => types + " [BastionEndpoints, CsrfProtected] public static partial class A { " + attributes + " public static int M(" + parameters + ") => 1; }";

    [Theory]
    [InlineData("[Get(\"/a\")]", "[FromForm] string name")]
    [InlineData("[Get(\"/a\")]", Upload)]
    public void BAS1016_a_form_on_a_get(string verb, string parameter)
        => Assert.Contains("has no form body", Single(Endpoint(verb, parameter), "BAS1016").GetMessage(), System.StringComparison.Ordinal);

    [Fact]
    public void BAS1016_a_form_beside_a_json_body()
    {
        Diagnostic d = Single(Endpoint("[Post(\"/a\")]", "[FromForm] string name, [FromBody] X x", "public record X(string A);"), "BAS1016");
        Assert.Equal("name", Text(d));
        Assert.Contains("JSON body", d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[FromForm] string name, [FromForm(Name = \"NAME\")] string other", "bound twice")]
    [InlineData("[FromForm] F f, [FromForm] string title", "bound twice")]
    [InlineData("[FromForm(Name = \"__bastion_csrf\")] string token", "CSRF token")]
    public void BAS1016_a_field_bound_twice_or_the_token_field(string parameters, string why)
        => Assert.Contains(why, Single(Endpoint("[Post(\"/a\")]", parameters, "public record F(string Title);"), "BAS1016").GetMessage(), System.StringComparison.Ordinal);

    [Theory]
    [InlineData("public record F(List<string> Tags);", "[FromForm] F f", "Tags")]
    [InlineData("public record F(string Name, Inner Inner); public record Inner(string A);", "[FromForm] F f", "Inner")]
    [InlineData("public record F(IFormFile Photo);", "[FromForm] F f", "Photo")]
    [InlineData("public class F { public System.Uri? Link { get; set; } }", "[FromForm] F f", "Link")]
    [InlineData("", "IFormCollection form", "form")]
    [InlineData("", "[FromForm] IFormFileCollection files", "files")]
    [InlineData("", "[FromForm] object anything", "anything")]
    public void BAS1017_a_field_type_a_form_cannot_carry(string types, string parameters, string at)
        => Assert.Equal(at, Text(Single(Endpoint("[Post(\"/a\")]", parameters, types), "BAS1017")));

    [Theory]
    [InlineData("IFormFile file", "no [SafePath")]
    [InlineData("SafeFormFile? file", "no [SafePath")]
    [InlineData("[SafePath(Root = \"Uploads:Root\", MustExist = true)] IFormFile file", "does not exist yet")]
    public void BAS1018_an_upload_without_a_usable_safe_path(string parameter, string why)
    {
        Diagnostic d = Single("using Bastion.Forms; " + Endpoint("[Post(\"/a\")]", parameter), "BAS1018");
        Assert.Equal("file", Text(d));
        Assert.Contains(why, d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Post(\"/a\"), FormLimits(MaxFields = 3)]", "string name", "reads no form")]
    [InlineData("[Post(\"/a\"), FormLimits(MaxFileBytes = 10)]", "[FromForm] string name", "no uploaded file")]
    [InlineData("[Post(\"/a\"), FormLimits(MaxFields = -1)]", "[FromForm] string name", "negative")]
    [InlineData("[Post(\"/a\", MaxRequestBodySize = 100), FormLimits(MaxFileBytes = 1000)]", Upload, "larger than the body")]
    [InlineData("[Post(\"/a\"), RequestFormLimits(ValueCountLimit = 3)]", "[FromForm] string name", "[FormLimits]")]
    public void BAS1019_limits_that_cannot_apply(string attributes, string parameters, string why)
        => Assert.Contains(why, Single(Endpoint(attributes, parameters), "BAS1019").GetMessage(), System.StringComparison.Ordinal);

    [Fact]
    public void A_form_record_is_never_read_as_json()
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.Usings + Endpoint("[Post(\"/a\")]", "[FromForm] F f", "public record F(string Title, int Count);"));
        Assert.Empty(run.GeneratorDiagnostics);
        string code = string.Join("\n", run.Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()));
        Assert.Contains("FormBody.ReadAsync", code, System.StringComparison.Ordinal);
        Assert.DoesNotContain("JsonBody.ReadAsync", code, System.StringComparison.Ordinal);
        Assert.Contains("FormFields.RequiredText(form, \"title\"", code, System.StringComparison.Ordinal);
        Assert.Contains("FormFields.Required<int>(form, \"count\"", code, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Form_diagnostics_come_from_the_analyzer_in_the_same_build()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.Usings + Endpoint("[Get(\"/a\")]", "[FromForm] string name"));
        Diagnostic d = Assert.Single(GeneratorHarness.Analyze(compilation, new Bastion.Generators.Diagnostics.AttributeDiagnosticsAnalyzer()), x => x.Id == "BAS1016");
        Assert.Equal("name", Text(d));
    }

    [Fact]
    public void The_snippets_of_docs_forms_md_generate_without_findings_and_compile()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "forms.md"));
        string[] snippets = Regex.Matches(page, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .Where(s => s.Contains("[BastionEndpoints", System.StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, snippets.Length);
        foreach (string snippet in snippets)
        {
            GeneratorRunOutcome run = GeneratorHarness.Run(snippet);
            Assert.Empty(run.GeneratorDiagnostics);
            var problems = run.CompileProblems();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
