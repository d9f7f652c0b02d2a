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

    /// <summary>
    /// What a reviewer reads in a pull request: no line over 160 characters anywhere, and in code generated into the
    /// user's own types (endpoints, [Sql], [SafeCommand], [BastionOptions]) <c>global::</c> only before a name that
    /// could mean something else there (the Names scenario declares many such names).
    /// </summary>
    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Generated_code_is_short_enough_to_review(string scenario)
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.All[scenario]);
        string[] ownTypeSuffixes = { ".Endpoints.g.cs", ".Sql.g.cs", ".Command.g.cs", ".Options.g.cs" };
        foreach (GeneratedSourceResult source in run.Result.Results.SelectMany(r => r.GeneratedSources))
        {
            string[] lines = source.SourceText.ToString().Split('\n');
            string? longLine = lines.FirstOrDefault(l => l.Length > 160);
            Assert.True(longLine is null, source.HintName + ": " + longLine);
            if (!ownTypeSuffixes.Any(s => source.HintName.EndsWith(s, System.StringComparison.Ordinal)))
            {
                continue;
            }

            string source_ = Scenarios.All[scenario];
            foreach (string line in lines.Where(l => !l.TrimStart().StartsWith("//", System.StringComparison.Ordinal)))
            {
                foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(line, @"global::([A-Za-z_][\w.]*\w)"))
                {
                    Assert.True(Collides(match.Groups[1].Value, source_), source.HintName + ": global:: without a collision in\n" + line);
                }
            }
        }
    }

    /// <summary>
    /// Whether shortening <paramref name="name"/> could change its meaning in code generated into the scenario's types:
    /// its simple name is a member there (a method, property or field hides a type of that name), a framework name is
    /// also declared as a type by the user, or its root namespace is shadowed by a user namespace.
    /// </summary>
    private static bool Collides(string name, string source)
    {
        string[] segments = name.Split('.');
        string simple = System.Text.RegularExpressions.Regex.Escape(segments[^1]);
        string root = System.Text.RegularExpressions.Regex.Escape(segments[0]);
        bool member = System.Text.RegularExpressions.Regex.IsMatch(source, @"(?<!(class|record|struct|enum|interface) )\b" + simple + @"\s*(\(|\{|=>)");
        bool framework = segments[0] is "System" or "Microsoft" or "Bastion"
            && System.Text.RegularExpressions.Regex.IsMatch(source, @"\b(class|record|struct|enum|interface)\s+" + simple + @"\b");
        bool rootShadowed = System.Text.RegularExpressions.Regex.IsMatch(source, @"namespace [\w.]*\." + root + @"\b");
        return member || framework || rootShadowed;
    }

    [Fact]
    public void Output_is_deterministic_across_runs()
    {
        string first = string.Join("\n", GeneratorHarness.Run(Scenarios.Validation).Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()));
        string second = string.Join("\n", GeneratorHarness.Run(Scenarios.Validation).Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()));
        Assert.Equal(first, second);
    }
}
