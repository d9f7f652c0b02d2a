using System.Linq;
using Bastion.Generators.Tests.Infrastructure;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Bastion.Generators.Tests;

/// <summary>
/// Random hostile attribute text (quotes, backslashes, line breaks, comment and raw-string delimiters,
/// bidi and other invisible characters) must always produce code that compiles, and every literal
/// must keep exactly the value the attribute held.
/// </summary>
public sealed class EmitterFuzzTests
{
    private static readonly string[] Pieces =
    [
        "\"", "\\", "\n", "\r\n", "*/", "/*", "//", "\"\"\"", "{0}", "#", "$", "@", "'", "\t", "\0",
        "\u202E", "\u2066", "\u200B", "\u2028", "\u0085", "\uFEFF", "a", "Z", "9", " ", "<", ">", "&",
    ];

    // Route text may not hold braces, '?' or control characters (they are route syntax or refused by BAS1010).
    private static readonly Gen<string> RouteText = Text(Pieces.Where(p => p.All(c => !char.IsControl(c) && c is not '{' and not '}' and not '?')).ToArray());
    private static readonly Gen<string> AnyText = Text(Pieces);

    private static Gen<string> Text(string[] pieces)
        => Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[1, 8].Select(parts => string.Concat(parts));

    [Fact]
    public void Hostile_text_always_compiles_and_keeps_its_value()
    {
        Gen.Select(RouteText, AnyText, AnyText).Sample((route, message, jsonName) =>
        {
            string source = Scenarios.Usings + $$"""
                namespace Fuzz;
                public sealed record Body(
                    [property: System.Text.Json.Serialization.JsonPropertyName({{Verbatim(jsonName)}})][Required(ErrorMessage = {{Verbatim(message)}})] string Value);

                [BastionEndpoints]
                public static partial class FuzzEndpoints
                {
                    [Post({{Verbatim("/x" + route)}})]
                    public static IResult Create(Body body) => TypedResults.Ok();
                }
                """;
            GeneratorRunOutcome run = GeneratorHarness.Run(source);
            Assert.True(run.CompileProblems().Count == 0, string.Join("\n", run.CompileProblems()));

            SyntaxTree generated = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("FuzzEndpoints.Endpoints.g.cs", System.StringComparison.Ordinal));
            string[] literals = generated.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).Select(t => t.ValueText).ToArray();
            Assert.Contains("/x" + route, literals);
            Assert.Contains(jsonName, literals);
            Assert.Contains(message.Replace("{0}", jsonName, System.StringComparison.Ordinal), literals);

            string text = generated.ToString();
            Assert.DoesNotContain('\u202E', text);
            Assert.DoesNotContain('\u2028', text);
        }, iter: 60, threads: 1);
    }

    /// <summary>The C# source for a verbatim string holding <paramref name="value"/> (what a user may write).</summary>
    private static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"";
}
