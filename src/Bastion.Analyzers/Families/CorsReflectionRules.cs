using System;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Families;

/// <summary>
/// CORS by hand (BAS1531): the request's Origin (or Referer) copied into Access-Control-Allow-Origin in a member that
/// also sends Access-Control-Allow-Credentials: true, unless an exact comparison with fixed origins came first; also the
/// literal "null" with credentials. Policies built with the CORS middleware's builder are checked by CorsPolicyAnalyzer.
/// </summary>
internal sealed class CorsReflectionRules : IFlowRules
{
    private const string AllowOrigin = "Access-Control-Allow-Origin";
    private static readonly Sink Sink = new(Rules.CorsOriginReflected, Origin.Request, Safe.Cors);

    public void OnCall(CallSite site)
    {
        if (FamilyRules.IsHeaderWrite(site, out string? name, out int value) && string.Equals(name, AllowOrigin, StringComparison.OrdinalIgnoreCase))
        {
            Check(site.Flow, site.Arguments[value], site.Location);
        }
    }

    public void OnPropertySet(BodyFlow flow, IPropertySymbol property, StateKey? instance, Value value, IOperation assignment)
    {
        if (assignment is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } || !FamilyRules.IsResponseHeaders(flow, target.Instance))
        {
            return;
        }

        bool allowOrigin = property.Name == "AccessControlAllowOrigin"
                           || (target.Arguments.Length == 1 && FamilyRules.IsHeaderName(target.Arguments[0].Value, AllowOrigin));
        if (allowOrigin)
        {
            Check(flow, value, assignment.Syntax.GetLocation());
        }
    }

    private static void Check(BodyFlow flow, Value value, Location location)
    {
        if (!flow.Analysis.AllowsCredentials(flow.Root))
        {
            return;
        }

        if (value.Text is { } text && string.Equals(text, "null", StringComparison.OrdinalIgnoreCase))
        {
            flow.Report(Rules.CorsOriginReflected, location, "\"null\" (sent by sandboxed iframes on any site)");
            return;
        }

        flow.Check(Sink, value, location, "the request's origin");
    }

    public void OnReturn(BodyFlow flow, IOperation returned, Value value)
    {
    }
}
