using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.CodeFixes;

/// <summary>
/// BAS1520: a cookie appended without options gets Bastion's <c>HardenedCookies.Options()</c> (Secure, HttpOnly,
/// SameSite=Strict, Path=/); options written inline get <c>Secure = true</c> and <c>HttpOnly = true</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CookieCodeFix))]
[Shared]
public sealed class CookieCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("BAS1520");

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
            || invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" })
        {
            return;
        }

        SeparatedSyntaxList<ArgumentSyntax> arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count == 2)
        {
            ArgumentSyntax options = SyntaxFactory.Argument(SyntaxFactory.ParseExpression("Bastion.Cookies.HardenedCookies.Options()"));
            InvocationExpressionSyntax fixedCall = invocation.WithArgumentList(invocation.ArgumentList.AddArguments(options));
            context.RegisterCodeFix(
                CodeAction.Create("Write the cookie with HardenedCookies.Options()", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedCall))), nameof(CookieCodeFix) + "Options"),
                context.Diagnostics);
            return;
        }

        if (arguments.Count == 3 && arguments[2].Expression is BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
        {
            InitializerExpressionSyntax hardened = Set(Set(initializer, "Secure"), "HttpOnly");
            context.RegisterCodeFix(
                CodeAction.Create("Make the cookie Secure and HttpOnly", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(initializer, hardened))), nameof(CookieCodeFix) + "Flags"),
                context.Diagnostics);
        }
    }

    private static InitializerExpressionSyntax Set(InitializerExpressionSyntax initializer, string member)
    {
        ExpressionSyntax value = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
        AssignmentExpressionSyntax? existing = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var name } && name == member);
        if (existing is not null)
        {
            return initializer.ReplaceNode(existing.Right, value.WithTriviaFrom(existing.Right));
        }

        AssignmentExpressionSyntax added = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), value);
        return initializer.WithExpressions(initializer.Expressions.Insert(0, added));
    }
}
