using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Bastion.Analyzers.Tests;

/// <summary>Whether a snippet holds a vulnerability an analyzer must report, or is safe code it must not report.</summary>
public enum Verdict
{
    Vulnerable,
    Safe,
}

/// <summary>
/// One corpus file, <c>Corpus/&lt;family&gt;/&lt;name&gt;.cs</c>, with its header:
/// <code>
/// // family: sql
/// // verdict: vulnerable        (or: safe)
/// // sink-line: 23              (vulnerable only)
/// // why: one sentence
/// </code>
/// </summary>
public sealed record CorpusSnippet(
    string RelativePath,
    string Family,
    Verdict Verdict,
    int? SinkLine,
    string Why,
    string Source)
{
    /// <summary>The families and their minimum counts of vulnerable and safe snippets.</summary>
    public static readonly ImmutableArray<string> Families = ["sql", "process", "path", "secrets", "cors", "cookies", "jwt", "xss"];

    public const int MinimumVulnerablePerFamily = 25;
    public const int MinimumSafePerFamily = 20;

    /// <summary>The folder holding the corpus next to the test assembly.</summary>
    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public string Name => Path.GetFileNameWithoutExtension(RelativePath);

    /// <summary>The source lines, 1-based line <c>n</c> at index <c>n - 1</c>.</summary>
    public IReadOnlyList<string> Lines => Source.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>The text of the sink line, or null for safe snippets.</summary>
    public string? SinkText => SinkLine is int line && line >= 1 && line <= Lines.Count ? Lines[line - 1] : null;

    public override string ToString() => RelativePath;

    /// <summary>Every <c>Corpus/**/*.cs</c> file, parsed; a header problem throws <see cref="CorpusFormatException"/>.</summary>
    public static IReadOnlyList<CorpusSnippet> LoadAll() => Files().Select(Load).ToList();

    /// <summary>Relative paths (with '/') of every corpus file, sorted.</summary>
    public static IReadOnlyList<string> Files()
    {
        string root = CorpusDirectory;
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException("The corpus was not copied to " + root);
        }

        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    public static CorpusSnippet Load(string relativePath)
    {
        string source = File.ReadAllText(Path.Combine(CorpusDirectory, relativePath));
        return Parse(relativePath, source);
    }

    /// <summary>Parses the header; throws <see cref="CorpusFormatException"/> naming the file and the problem.</summary>
    public static CorpusSnippet Parse(string relativePath, string source)
    {
        string[] lines = source.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        string[] parts = relativePath.Split('/');
        if (parts.Length != 2)
        {
            throw Problem(relativePath, "a snippet must be Corpus/<family>/<name>.cs");
        }

        string folder = parts[0];
        int i = 0;
        string family = Field(relativePath, lines, ref i, "family");
        if (family != folder)
        {
            throw Problem(relativePath, $"family '{family}' does not match its folder '{folder}'");
        }

        if (!Families.Contains(family))
        {
            throw Problem(relativePath, $"unknown family '{family}'");
        }

        Verdict verdict = Field(relativePath, lines, ref i, "verdict") switch
        {
            "vulnerable" => Verdict.Vulnerable,
            "safe" => Verdict.Safe,
            string other => throw Problem(relativePath, $"verdict must be 'vulnerable' or 'safe', not '{other}'"),
        };

        int? sinkLine = null;
        if (verdict == Verdict.Vulnerable)
        {
            string text = Field(relativePath, lines, ref i, "sink-line");
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int line)
                || line < 1 || line > lines.Length)
            {
                throw Problem(relativePath, $"sink-line '{text}' is not a line of the file");
            }

            string sink = lines[line - 1].Trim();
            if (sink.Length == 0 || sink.StartsWith("//", StringComparison.Ordinal) || sink is "{" or "}" or "};" or ");")
            {
                throw Problem(relativePath, $"sink-line {line} holds no statement: '{sink}'");
            }

            sinkLine = line;
        }

        string why = Field(relativePath, lines, ref i, "why");
        if (why.Length < 10)
        {
            throw Problem(relativePath, "why must be a sentence");
        }

        return new CorpusSnippet(relativePath, family, verdict, sinkLine, why, source);
    }

    private static string Field(string path, string[] lines, ref int index, string name)
    {
        string prefix = "// " + name + ": ";
        if (index >= lines.Length || !lines[index].StartsWith(prefix, StringComparison.Ordinal))
        {
            throw Problem(path, $"line {index + 1} must start with '{prefix}'");
        }

        string value = lines[index][prefix.Length..].Trim();
        index++;
        if (value.Length == 0)
        {
            throw Problem(path, $"'{name}' is empty");
        }

        return value;
    }

    private static CorpusFormatException Problem(string path, string message) => new($"{path}: {message}");

    /// <summary>
    /// The first and last line of the sink statement: the innermost statement (not a block), or else field, property or
    /// method declaration, that contains the first token of the sink line. A scorer counts an analyzer's report as
    /// finding the snippet when the report starts on the sink line, or, more leniently, on any line of this range
    /// (a multi-line call reported at its argument, an object initializer reported at its opening line).
    /// </summary>
    public (int First, int Last) SinkStatementLines()
    {
        if (SinkLine is not int line)
        {
            throw new InvalidOperationException(RelativePath + " is safe: it has no sink.");
        }

        SyntaxTree tree = ParseTree();
        TextLine text = tree.GetText().Lines[line - 1];
        SyntaxToken first = tree.GetRoot().DescendantTokens(text.Span).First(t => text.Span.Contains(t.SpanStart));
        SyntaxNode? statement = first.Parent?.AncestorsAndSelf().FirstOrDefault(n =>
            n is StatementSyntax and not BlockSyntax
            || n is FieldDeclarationSyntax or PropertyDeclarationSyntax or BaseMethodDeclarationSyntax);
        if (statement is null)
        {
            return (line, line);
        }

        FileLinePositionSpan span = tree.GetLineSpan(statement.Span);
        return (span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1);
    }

    /// <summary>Parses the snippet as the compiler will (the preview language version, as the SDK's latest allows).</summary>
    public SyntaxTree ParseTree() => CSharpSyntaxTree.ParseText(Source, SnippetCompiler.ParseOptions, path: RelativePath);
}

public sealed class CorpusFormatException(string message) : Exception(message);
