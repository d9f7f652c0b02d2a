using System;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Families;

/// <summary>
/// Cross-site scripting (BAS1801): request or stored data written into HTML without encoding. Sinks: Results/TypedResults
/// Content, Text and Bytes with an HTML (or SVG) content type, controller and page Content(…, "text/html"), ContentResult
/// with an HTML ContentType, HtmlString, AppendHtml, SetHtmlContent, Html.Raw, MarkupString, and response writes
/// (WriteAsync, a StreamWriter) in a body that sets an HTML content type.
/// </summary>
internal sealed class XssRules : IFlowRules
{
    private static readonly Sink Sink = new(Rules.HtmlFromRequest, Origin.Request | Origin.Stored, Safe.Html);

    public void OnCall(CallSite site)
    {
        switch (site.TypeName)
        {
            case "Microsoft.AspNetCore.Http.Results" or "Microsoft.AspNetCore.Http.TypedResults" when site.Name is "Content" or "Text" or "Bytes":
            case "Microsoft.AspNetCore.Mvc.ControllerBase" or "Microsoft.AspNetCore.Mvc.RazorPages.PageModel" when site.Name == "Content":
                if (IsHtml(site.Flow, site.ArgumentOperation("contentType")))
                {
                    Value? content = site.Argument("content") ?? site.Argument("utf8Content") ?? site.Argument("contents");
                    if (content is not null)
                    {
                        site.Flow.Check(Sink, content, site.Location, site.Method.ContainingType.Name + "." + site.Name, null);
                    }
                }

                return;
            case "Microsoft.AspNetCore.Html.HtmlString" or "Microsoft.AspNetCore.Components.MarkupString" when site.IsCreation && site.Arguments.Length > 0:
                site.Flow.Check(Sink, site.Arguments[0], site.Location, "new " + site.Method.ContainingType.Name, null);
                return;
        }

        if (site.Name is "AppendHtml" or "SetHtmlContent" or "AppendHtmlLine" or "Raw" && site.Arguments.Length > 0)
        {
            int ordinal = site.Method.IsExtensionMethod ? 1 : 0;
            if (ordinal < site.Arguments.Length && site.Method.Parameters[ordinal].Type.SpecialType == SpecialType.System_String || site.Name == "Raw")
            {
                site.Flow.Check(Sink, site.Arguments[Math.Min(ordinal, site.Arguments.Length - 1)], site.Location, site.Name, null);
            }

            return;
        }

        bool write = (site.TypeName == "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions" && site.Name == "WriteAsync")
                     || (site.TypeName is "System.IO.StreamWriter" or "System.IO.TextWriter" && site.Name is "Write" or "WriteAsync" or "WriteLine" or "WriteLineAsync");
        if (write && site.Flow.Analysis.SetsHtmlContentType(site.Flow.Root))
        {
            int ordinal = site.Method.IsExtensionMethod ? 1 : 0;
            if (ordinal < site.Arguments.Length)
            {
                site.Flow.Check(Sink, site.Arguments[ordinal], site.Location, site.Name, null);
            }
        }
    }

    public void OnPropertySet(BodyFlow flow, IPropertySymbol property, StateKey? instance, Value value, IOperation assignment)
    {
        if (property.Name == "Content" && property.ContainingType.Name == "ContentResult" && InitializerSetsHtml(assignment))
        {
            flow.Check(Sink, value, assignment.Syntax.GetLocation(), "ContentResult", null);
        }
    }

    public void OnReturn(BodyFlow flow, IOperation returned, Value value)
    {
    }

    /// <summary>A content type constant (string, MediaTypeNames, a MediaTypeHeaderValue field) naming HTML or SVG.</summary>
    private static bool IsHtml(BodyFlow flow, IOperation? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        contentType = flow.Original(contentType);
        string? text = FamilyRules.ConstantText(contentType) ?? flow.Analysis.InitializerText(Guards.Unwrap(contentType));
        if (text is null && flow.KeyOf(contentType) is { } key)
        {
            text = flow.ValueOf(key).Text;
        }

        return text is not null && (text.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("svg", StringComparison.OrdinalIgnoreCase) >= 0);
    }

    private static bool InitializerSetsHtml(IOperation assignment)
    {
        if (assignment.Syntax.Parent is InitializerExpressionSyntax initializer)
        {
            foreach (ExpressionSyntax expression in initializer.Expressions)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "ContentType" }, Right: { } right }
                    && right.ToString().IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
