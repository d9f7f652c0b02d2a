using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Bastion.Generators.Tests;

/// <summary>
/// The pipeline caches: an unrelated edit leaves every tracked step Cached or Unchanged, while an edit
/// to an annotation produces Modified output all the way to the generated source.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.EndpointClasses,
        TrackingNames.EndpointModels,
        TrackingNames.AllEndpointModels,
        TrackingNames.ManifestRows,
    ];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Scenarios.Validation, "namespace Other { public static class Helper { public static int Value() => 1; } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static Dictionary<string, IncrementalStepRunReason[]> Reasons(GeneratorDriver driver)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.True(TrackedSteps.All(result.TrackedSteps.ContainsKey), "tracked: " + string.Join(", ", result.TrackedSteps.Keys));
        return TrackedSteps.ToDictionary(
            step => step,
            step => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray());
    }

    /// <summary>Runs the generator on <paramref name="source"/>, then again after an edit to an unrelated file.</summary>
    private static GeneratorRunResult RunTwice(string source, out GeneratorRunResult afterUnrelatedEdit)
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(source, "namespace Other { public static class Helper { public static int Value() => 1; } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        SyntaxTree helper = compilation.SyntaxTrees.Last();
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(helper,
            CSharpSyntaxTree.ParseText("namespace Other { public static class Helper { public static int Value() => 2; } }", GeneratorHarness.ParseOptions, helper.FilePath)));
        afterUnrelatedEdit = driver.GetRunResult().Results.Single();
        return first;
    }

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        SyntaxTree helper = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(helper,
            CSharpSyntaxTree.ParseText("namespace Other { public static class Helper { public static int Value() => 2; public static int More() => 3; } }", GeneratorHarness.ParseOptions, helper.FilePath));

        driver = driver.RunGenerators(edited);

        foreach ((string step, IncrementalStepRunReason[] reasons) in Reasons(driver))
        {
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {r}"));
        }
    }

    [Fact]
    public void Editing_an_annotation_modifies_the_model_and_the_output()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        SyntaxTree source = compilation.SyntaxTrees.First();
        string changed = Scenarios.Validation.Replace("[Range(1, 5)] int Priority", "[Range(1, 9)] int Priority", System.StringComparison.Ordinal);
        Assert.NotEqual(Scenarios.Validation, changed);
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(source, CSharpSyntaxTree.ParseText(changed, GeneratorHarness.ParseOptions, source.FilePath));

        driver = driver.RunGenerators(edited);

        Dictionary<string, IncrementalStepRunReason[]> reasons = Reasons(driver);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[TrackingNames.EndpointClasses]);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[TrackingNames.EndpointModels]);
        string generated = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith("PostEndpoints.Endpoints.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("<= 9L", generated, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_class_generates_nothing_and_only_the_analyzer_reports_it()
    {
        string broken = Scenarios.Usings + "public record X([Sanitize] int A); [BastionEndpoints] public static partial class Bad { [Post(\"/a\")] public static int M(X x) => 1; }";
        GeneratorRunResult first = RunTwice(broken, out GeneratorRunResult second);
        // The generator reports nothing itself (a generator error would stop the compiler before analyzers run) and
        // emits no endpoints for the class; its parsers' finding comes from the analyzer, once.
        Assert.Empty(first.Diagnostics);
        Assert.Empty(second.Diagnostics);
        Assert.DoesNotContain(second.GeneratedSources, s => s.HintName.Contains("Bad", System.StringComparison.Ordinal));
        Assert.All(second.TrackedSteps.Where(s => s.Key.StartsWith("Bastion.", System.StringComparison.Ordinal)).SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Single(GeneratorHarness.Run(broken).GeneratorDiagnostics, d => d.Id == "BAS1101");
    }

    [Theory]
    [InlineData("Commands", TrackingNames.CommandMethods, TrackingNames.CommandModels, "TimeoutSeconds = 5", "TimeoutSeconds = 7", "FromSeconds(7)")]
    [InlineData("Browser", TrackingNames.CorsPolicies, TrackingNames.BrowserPolicies, "MaxAgeSeconds = 0", "MaxAgeSeconds = 60", "60);")]
    [InlineData("Browser", TrackingNames.AssemblyHeaders, TrackingNames.BrowserPolicies, "ReferrerPolicy = \"no-referrer\"", "ReferrerPolicy = \"same-origin\"", "\"same-origin\",\n")]
    [InlineData("Sql", TrackingNames.SqlMethods, TrackingNames.SqlModels, "DELETE FROM comments WHERE id = @id", "DELETE FROM comments WHERE id = @id AND 1 = 1", "AND 1 = 1")]
    public void Feature_steps_are_cached_across_an_unrelated_edit_and_an_edited_attribute_is_modified(
        string scenario, string methodsStep, string modelsStep, string before, string after, string expected)
    {
        string source = Scenarios.All[scenario];
        RunTwice(source, out GeneratorRunResult second);
        foreach (string step in new[] { methodsStep, modelsStep, TrackingNames.ManifestRows })
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), step + " is not tracked");
            Assert.All(second.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {o.Reason}"));
        }

        CSharpCompilation compilation = GeneratorHarness.Compile(source);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.First();
        string changed = source.Replace(before, after, System.StringComparison.Ordinal);
        Assert.NotEqual(source, changed);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(changed, GeneratorHarness.ParseOptions, tree.FilePath)));
        GeneratorRunResult edited = driver.GetRunResult().Results.Single();
        Assert.Contains(edited.TrackedSteps[modelsStep].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(expected, string.Concat(edited.GeneratedSources.Select(g => g.SourceText.ToString())), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_routes_across_classes_are_reported_once_by_the_analyzer()
    {
        string duplicated = Scenarios.Usings + """
            [BastionEndpoints] public static partial class A { [Get("/same")] public static int M() => 1; }
            [BastionEndpoints] public static partial class B { [Get("/same")] public static int N() => 1; }
            """;
        RunTwice(duplicated, out GeneratorRunResult result);
        Assert.Empty(result.Diagnostics);
        Assert.Single(GeneratorHarness.Run(duplicated).GeneratorDiagnostics, d => d.Id == "BAS1006");
    }

    [Fact]
    public void Adding_an_endpoint_class_yields_a_new_model()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            Scenarios.Usings + "namespace Extra; [BastionEndpoints] public static partial class More { [Get(\"/more\")] public static int M() => 1; }",
            GeneratorHarness.ParseOptions, "Extra.cs"));

        driver = driver.RunGenerators(edited);

        Assert.Contains(IncrementalStepRunReason.New, Reasons(driver)[TrackingNames.EndpointModels]);
    }
}
