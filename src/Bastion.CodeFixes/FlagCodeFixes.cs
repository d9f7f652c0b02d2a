using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.CodeFixes;

/// <summary>
/// Turns a weakened setting back on where the safe value is a constant: BAS1521 (CookieSecurePolicy.None or
/// SameAsRequest → Always, HttpOnly = false → true) and BAS1701 (ValidateLifetime, RequireSignedTokens, ValidateIssuer,
/// ValidateAudience = false → true; an oversized ClockSkew → one minute).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FlagCodeFixes))]
[Shared]
public sealed class FlagCodeFixes : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("BAS1521", "BAS1701");

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node
            || node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment)
        {
            return;
        }

        string member = assignment.Left switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => string.Empty,
        };
        ExpressionSyntax? replacement = member switch
        {
            "SecurePolicy" or "Secure" => SyntaxFactory.ParseExpression("Microsoft.AspNetCore.Http.CookieSecurePolicy.Always"),
            "HttpOnly" or "ValidateLifetime" or "RequireSignedTokens" or "ValidateIssuer" or "ValidateAudience" => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression),
            "ClockSkew" => SyntaxFactory.ParseExpression("System.TimeSpan.FromMinutes(1)"),
            _ => null,
        };
        if (replacement is null)
        {
            return;
        }

        string title = member == "ClockSkew" ? "Use a one-minute clock skew" : "Set " + member + " to " + replacement;
        context.RegisterCodeFix(
            CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(assignment.Right, replacement.WithTriviaFrom(assignment.Right)))), nameof(FlagCodeFixes) + member),
            context.Diagnostics);
    }
}
