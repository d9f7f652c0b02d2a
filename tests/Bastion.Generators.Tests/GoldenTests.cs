using System.Linq;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bastion.Generators.Tests;

/// <summary>
/// Every scenario's generated files are compared with the golden files reviewers read, and the
/// generated code is compiled with warnings as errors.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> ScenarioNames => new(Scenarios.All.Keys);

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Generated_code_matches_the_golden_files(string scenario)
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.All[scenario]);
        Assert.Empty(run.GeneratorDiagnostics);
        foreach (GeneratedSourceResult source in run.Result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, System.StringComparer.Ordinal))
        {
            string name = scenario + "." + source.HintName.Replace(".g.cs", string.Empty, System.StringComparison.Ordinal);
            Golden.Verify(source.SourceText.ToString(), name);
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Generated_code_compiles_with_warnings_as_errors(string scenario)
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.All[scenario]);
        var problems = run.CompileProblems();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        using var stream = new System.IO.MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emit = run.Output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
    }

    [Fact]
    public void Output_is_deterministic_across_runs()
    {
        string first = string.Join("\n", GeneratorHarness.Run(Scenarios.Validation).Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()));
        string second = string.Join("\n", GeneratorHarness.Run(Scenarios.Validation).Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()));
        Assert.Equal(first, second);
    }
}
