using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.CodeFixes;

/// <summary>
/// BAS1801: when the HTML is an interpolated string written in the call, every string hole is wrapped in
/// <c>System.Net.WebUtility.HtmlEncode(…)</c>; the markup around the holes stays as it is.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HtmlEncodeCodeFix))]
[Shared]
public sealed class HtmlEncodeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("BAS1801");

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node || model is null)
        {
            return;
        }

        InterpolatedStringExpressionSyntax? html = node.DescendantNodesAndSelf().OfType<InterpolatedStringExpressionSyntax>()
            .FirstOrDefault(s => s.Contents.OfType<InterpolationSyntax>().Any(h => IsText(model, h.Expression, context.CancellationToken)));
        if (html is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("HTML-encode the interpolated values", token => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(html, Encode(model, html, token)))), nameof(HtmlEncodeCodeFix)),
            context.Diagnostics);
    }

    private static InterpolatedStringExpressionSyntax Encode(SemanticModel model, InterpolatedStringExpressionSyntax html, CancellationToken cancellationToken)
        => html.ReplaceNodes(
            html.Contents.OfType<InterpolationSyntax>().Where(h => IsText(model, h.Expression, cancellationToken)).Select(h => h.Expression),
            (original, _) => SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("System.Net.WebUtility.HtmlEncode"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(original.WithoutTrivia())))));

    private static bool IsText(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        => model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_String
           && !(expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HtmlEncode" or "Encode" } });
}
