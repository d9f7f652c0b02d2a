using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.CodeFixes;

/// <summary>BAS1306: adds <c>psi.ArgumentList.Add("--");</c> before the request value, so the program reads it as an operand.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OptionSeparatorCodeFix))]
[Shared]
public sealed class OptionSeparatorCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("BAS1306");

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement
            || statement.Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: { } list } }
            || statement.Parent is not BlockSyntax)
        {
            return;
        }

        StatementSyntax separator = SyntaxFactory.ParseStatement(list.ToString() + ".Add(\"--\");")
            .WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
        context.RegisterCodeFix(
            CodeAction.Create("Add \"--\" before the value", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.InsertNodesBefore(statement, new[] { separator }))), nameof(OptionSeparatorCodeFix)),
            context.Diagnostics);
    }
}
