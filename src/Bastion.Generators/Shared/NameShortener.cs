using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.Generators.Shared;

/// <summary>
/// Makes emitted code readable in a diff: emitters write every name fully qualified (<c>global::Bastion.Csrf.CsrfCheck</c>),
/// and this pass shortens what cannot be misread where the code lives. A name Bastion knows
/// (<see cref="Vocabulary"/>) becomes its simple name plus a <c>using</c> for its namespace, unless the
/// <see cref="NameScope"/> says that simple name means something else there; a type of the user's own namespace becomes
/// its simple name unless a member of the class has that name; any other name loses only <c>global::</c>, when its root
/// namespace is not shadowed. Works on syntax (string literals and comments are never touched).
/// </summary>
internal static class NameShortener
{
    /// <summary>Root namespaces written without <c>global::</c> unless shadowed.</summary>
    public static readonly string[] Roots = { "System", "Microsoft", "Bastion" };

    /// <summary>The types Bastion's emitters write, by simple name, with the namespace each comes from.</summary>
    public static readonly IReadOnlyDictionary<string, string> Vocabulary = Build(new (string Namespace, string[] Types)[]
    {
        ("System", new[] { "Action", "ArgumentException", "ArgumentOutOfRangeException", "Array", "DateTimeOffset", "Func", "Guid", "InvalidOperationException", "NotSupportedException", "Object", "StringComparer", "TimeSpan" }),
        ("System.Collections.Generic", new[] { "Dictionary", "IAsyncEnumerable", "IEnumerable", "IReadOnlyList", "List" }),
        ("System.Data", new[] { "CommandBehavior", "DbType" }),
        ("System.Data.Common", new[] { "DbCommand", "DbConnection", "DbDataReader", "DbTransaction" }),
        ("System.Globalization", new[] { "CultureInfo" }),
        ("System.Linq", new[] { "Enumerable" }),
        ("System.Text.Json", new[] { "JsonSerializerOptions" }),
        ("System.Text.Json.Serialization.Metadata", new[] { "JsonTypeInfo" }),
        ("System.Text.RegularExpressions", new[] { "Regex", "RegexOptions" }),
        ("System.Threading", new[] { "CancellationToken", "Volatile" }),
        ("System.Threading.Tasks", new[] { "Task", "ValueTask" }),
        ("Microsoft.AspNetCore.Http", new[] { "HttpContext", "HttpRequest", "HttpResponse", "HttpResponseJsonExtensions", "IFormCollection", "IFormFile", "IResult" }),
        ("Microsoft.AspNetCore.Http.HttpResults", new[] { "Created", "NoContent", "NotFound", "Ok", "PhysicalFileHttpResult", "ProblemHttpResult", "Results", "ValidationProblem" }),
        ("Microsoft.AspNetCore.Routing", new[] { "IEndpointRouteBuilder" }),
        ("Microsoft.Extensions.Configuration", new[] { "IConfiguration" }),
        ("Microsoft.Extensions.DependencyInjection", new[] { "ServiceProviderServiceExtensions" }),
        ("Microsoft.Extensions.Options", new[] { "IOptions" }),
        ("Microsoft.Extensions.Primitives", new[] { "StringValues" }),
        ("Bastion", new[] { "CsrfMode", "HtmlPolicy" }),
        ("Bastion.ApiKeys", new[] { "ApiKeyGuard" }),
        ("Bastion.Commands", new[] { "CommandResult", "SafeCommandRunner" }),
        ("Bastion.Csrf", new[] { "CsrfCheck" }),
        ("Bastion.Forms", new[] { "FormBody", "FormBodyLimits", "FormFields", "SafeFormFile" }),
        ("Bastion.Endpoints", new[] { "BastionJson", "BastionProblems", "EndpointDeclaration", "EndpointParameter", "EndpointSupport", "JsonBody", "RequestValues" }),
        ("Bastion.Html", new[] { "HtmlPolicySanitizer", "HtmlText" }),
        ("Bastion.Options", new[] { "ConfigurationValues", "IBastionOptions", "SecretChecks" }),
        ("Bastion.Paths", new[] { "SafeFilePath", "SafePathBinding", "SafePathResolver" }),
        ("Bastion.Sql", new[] { "SortDirection", "SqlDialect", "SqlRuntime" }),
        ("Bastion.Validation", new[] { "ValidationChecks", "ValidationCollector" }),
    });

    public static string Shorten(string code, NameScope scope)
    {
        if (scope.Disabled)
        {
            return code;
        }

        var shadowed = new HashSet<string>(scope.Shadowed, System.StringComparer.Ordinal);
        string[] own = scope.Namespace?.Split('.') ?? System.Array.Empty<string>();
        SyntaxNode root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var edits = new List<(int Start, int End)>();
        var imports = new SortedSet<string>(System.StringComparer.Ordinal);
        // Documentation comments too (their crefs are syntax); plain comments and literals are tokens and never match.
        foreach (AliasQualifiedNameSyntax global in root.DescendantNodes(descendIntoTrivia: true).OfType<AliasQualifiedNameSyntax>())
        {
            if (global.Alias.Identifier.ValueText != "global")
            {
                continue;
            }

            List<SyntaxToken> chain = Chain(global);
            int start = global.SpanStart;
            int known = KnownType(chain);
            if (known > 0 && !shadowed.Contains(chain[known].ValueText))
            {
                edits.Add((start, chain[known].SpanStart));
                imports.Add(string.Join(".", chain.Take(known).Select(t => t.ValueText)));
            }
            else if (own.Length > 0 && chain.Count > own.Length && chain.Take(own.Length).Select(t => t.ValueText).SequenceEqual(own)
                     && !shadowed.Contains(chain[own.Length].ValueText))
            {
                edits.Add((start, chain[own.Length].SpanStart));
            }
            else if (Roots.Contains(chain[0].ValueText) && !shadowed.Contains(chain[0].ValueText))
            {
                edits.Add((start, global.Name.SpanStart));
            }
        }

        var result = new StringBuilder(code);
        foreach ((int s, int e) in edits.OrderByDescending(e => e.Start))
        {
            result.Remove(s, e - s);
        }

        return WithUsings(result.ToString(), imports);
    }

    /// <summary>The identifiers of a dotted name starting at <c>global::</c>, through type names and member accesses.</summary>
    private static List<SyntaxToken> Chain(AliasQualifiedNameSyntax global)
    {
        var tokens = new List<SyntaxToken> { global.Name.Identifier };
        SyntaxNode current = global;
        while (true)
        {
            if (current.Parent is QualifiedNameSyntax qualified && qualified.Left == current)
            {
                tokens.Add(qualified.Right.Identifier);
                current = qualified;
            }
            else if (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
            {
                tokens.Add(access.Name.Identifier);
                current = access;
            }
            else if (current.Parent is QualifiedCrefSyntax cref && cref.Container == current && cref.Member is NameMemberCrefSyntax { Name: SimpleNameSyntax member })
            {
                tokens.Add(member.Identifier);
                current = cref;
            }
            else
            {
                return tokens;
            }
        }
    }

    /// <summary>The index of the segment that is a known type whose namespace is exactly the segments before it; 0 when none.</summary>
    private static int KnownType(List<SyntaxToken> chain)
    {
        for (int i = 1; i < chain.Count; i++)
        {
            if (Vocabulary.TryGetValue(chain[i].ValueText, out string? ns) && ns == string.Join(".", chain.Take(i).Select(t => t.ValueText)))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>Puts <c>using</c> directives for <paramref name="imports"/> after the file's header comments and <c>#nullable</c>.</summary>
    private static string WithUsings(string code, SortedSet<string> imports)
    {
        if (imports.Count == 0)
        {
            return code;
        }

        const string Nullable = "#nullable enable\n";
        int at = code.IndexOf(Nullable, System.StringComparison.Ordinal);
        at = at < 0 ? 0 : at + Nullable.Length;
        var usings = new StringBuilder("\n");
        foreach (string ns in imports.OrderBy(n => n.StartsWith("System", System.StringComparison.Ordinal) ? 0 : 1).ThenBy(n => n, System.StringComparer.Ordinal))
        {
            usings.Append("using ").Append(ns).Append(";\n");
        }

        return code.Insert(at, usings.ToString());
    }

    private static Dictionary<string, string> Build((string Namespace, string[] Types)[] groups)
    {
        var map = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach ((string ns, string[] types) in groups)
        {
            foreach (string type in types)
            {
                map.Add(type, ns);
            }
        }

        return map;
    }
}
