using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

/// <summary>Facts about a whole member or the whole app that rules ask about, computed once and cached.</summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>True when the member sets an HTML (or SVG) content type on the response anywhere.</summary>
    public bool SetsHtmlContentType(IOperation root)
    {
        if (_htmlBodies.TryGetValue(root, out bool known))
        {
            return known;
        }

        bool html = false;
        foreach (IOperation operation in root.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                && Guards.Unwrap(assignment.Value).ConstantValue.Value is string text && IsHtml(text)
                && (target.Property.Name == "ContentType" || target.Arguments.Length == 1 && IsName(target.Arguments[0].Value, "Content-Type")))
            {
                html = true;
                break;
            }
        }

        _htmlBodies[root] = html;
        return html;
    }

    private static bool IsHtml(string text)
        => text.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("svg", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsName(IOperation operation, string name)
        => string.Equals(Guards.Unwrap(operation).ConstantValue.Value as string, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the member sends Access-Control-Allow-Credentials: true anywhere.</summary>
    public bool AllowsCredentials(IOperation root)
    {
        if (_credentialBodies.TryGetValue(root, out bool known))
        {
            return known;
        }

        const string Header = "Access-Control-Allow-Credentials";
        bool allows = false;
        foreach (IOperation operation in root.Descendants())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment when Guards.Unwrap(assignment.Value).ConstantValue.Value is "true":
                    allows |= target.Property.Name == "AccessControlAllowCredentials" || target.Arguments.Length == 1 && IsName(target.Arguments[0].Value, Header);
                    break;
                case IInvocationOperation { TargetMethod.Name: "Append" or "Add" or "TryAdd" } call:
                    foreach (IArgumentOperation argument in call.Arguments)
                    {
                        allows |= IsName(argument.Value, Header);
                    }

                    break;
            }
        }

        _credentialBodies[root] = allows;
        return allows;
    }

    /// <summary>True when the app installs a cookie policy that forces Secure and HttpOnly on every cookie.</summary>
    public bool HasStrictCookiePolicy()
    {
        if (_strictCookiePolicy is bool known)
        {
            return known;
        }

        bool strict = false;
        foreach (SyntaxTree tree in _compilation.SyntaxTrees)
        {
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (node is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax)
                {
                    string text = node.ToString();
                    strict |= text.IndexOf("CookiePolicyOptions", StringComparison.Ordinal) >= 0
                              && text.IndexOf("CookieSecurePolicy.Always", StringComparison.Ordinal) >= 0
                              && text.IndexOf("HttpOnlyPolicy.Always", StringComparison.Ordinal) >= 0;
                }
            }
        }

        _strictCookiePolicy = strict;
        return strict;
    }
}
