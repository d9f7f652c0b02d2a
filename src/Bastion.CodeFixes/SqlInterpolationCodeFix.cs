using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.CodeFixes;

/// <summary>
/// Fixes BAS1410 in a Dapper call whose SQL is an interpolated string: each hole becomes an <c>@name</c>
/// placeholder (quotes written around it in the SQL are removed) and the values move into a
/// <c>param: new { ... }</c> argument. Offered only when the call has no parameters argument yet.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SqlInterpolationCodeFix))]
[Shared]
public sealed class SqlInterpolationCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("BAS1410");

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node)
        {
            return;
        }

        InterpolatedStringExpressionSyntax? interpolated = node as InterpolatedStringExpressionSyntax ?? node.DescendantNodesAndSelf().OfType<InterpolatedStringExpressionSyntax>().FirstOrDefault();
        if (interpolated?.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } arguments } || arguments.Arguments.Count != 1)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Pass the interpolated values as SQL parameters", token => Fix(context.Document, root, invocation, interpolated, token), nameof(SqlInterpolationCodeFix)),
            context.Diagnostics);
    }

    private static Task<Document> Fix(Document document, SyntaxNode root, InvocationExpressionSyntax invocation, InterpolatedStringExpressionSyntax interpolated, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sql = new StringBuilder();
        var members = new List<AnonymousObjectMemberDeclaratorSyntax>();
        var used = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        List<InterpolatedStringContentSyntax> contents = interpolated.Contents.ToList();
        for (int i = 0; i < contents.Count; i++)
        {
            if (contents[i] is InterpolatedStringTextSyntax piece)
            {
                string value = Unescape(interpolated, piece.TextToken.ValueText);
                bool quoteBefore = value.EndsWith("'", System.StringComparison.Ordinal) && i + 1 < contents.Count && contents[i + 1] is InterpolationSyntax
                                   && i + 2 < contents.Count && contents[i + 2] is InterpolatedStringTextSyntax next && next.TextToken.ValueText.StartsWith("'", System.StringComparison.Ordinal);
                bool quoteAfter = i > 0 && contents[i - 1] is InterpolationSyntax && value.StartsWith("'", System.StringComparison.Ordinal)
                                  && i > 1 && contents[i - 2] is InterpolatedStringTextSyntax before && before.TextToken.ValueText.EndsWith("'", System.StringComparison.Ordinal);
                if (quoteAfter)
                {
                    value = value.Substring(1);
                }

                if (quoteBefore)
                {
                    value = value.Substring(0, value.Length - 1);
                }

                sql.Append(value);
                continue;
            }

            var hole = (InterpolationSyntax)contents[i];
            string name = NameOf(hole.Expression, members.Count);
            for (int n = 2; !used.Add(name); n++)
            {
                name = NameOf(hole.Expression, members.Count) + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            sql.Append('@').Append(name);
            members.Add(hole.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name
                ? SyntaxFactory.AnonymousObjectMemberDeclarator(hole.Expression.WithoutTrivia())
                : SyntaxFactory.AnonymousObjectMemberDeclarator(SyntaxFactory.NameEquals(name), hole.Expression.WithoutTrivia()));
        }

        ArgumentSyntax text = SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(sql.ToString())));
        ArgumentSyntax parameters = SyntaxFactory.Argument(SyntaxFactory.AnonymousObjectCreationExpression(SyntaxFactory.SeparatedList(members)))
            .WithNameColon(SyntaxFactory.NameColon("param"));
        InvocationExpressionSyntax fixedCall = invocation.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { text, parameters })))
            .WithTriviaFrom(invocation);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedCall)));
    }

    /// <summary>In $"..." and $@"..." strings a literal brace is written twice; the token's value keeps both.</summary>
    private static string Unescape(InterpolatedStringExpressionSyntax interpolated, string value)
        => interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken) || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken)
            ? value.Replace("{{", "{").Replace("}}", "}")
            : value;

    private static string NameOf(ExpressionSyntax expression, int index) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => char.ToLowerInvariant(access.Name.Identifier.ValueText[0]) + access.Name.Identifier.ValueText.Substring(1),
        _ => "p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
