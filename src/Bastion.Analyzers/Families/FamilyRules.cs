using System;
using System.Collections.Immutable;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Families;

/// <summary>The rule families that run on the flow engine, and small helpers they share.</summary>
internal static class FamilyRules
{
    public static ImmutableArray<IFlowRules> Create() => ImmutableArray.Create<IFlowRules>(
        new SqlRules(), new ProcessRules(), new PathRules(), new XssRules(), new SecretRules(), new CorsReflectionRules(), new CookieRules());

    public static string? ConstantText(IOperation? operation)
        => operation is null ? null : Guards.Unwrap(operation).ConstantValue.Value as string;

    /// <summary>A header collection of the response (not of an outgoing HttpRequestMessage).</summary>
    public static bool IsResponseHeaders(BodyFlow flow, IOperation? headers)
    {
        headers = headers is null ? null : Guards.Unwrap(flow.Original(headers));
        if (headers is ILocalReferenceOperation local && local.Local.DeclaringSyntaxReferences.Length == 1
            && local.Local.DeclaringSyntaxReferences[0].GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            headers = flow.Analysis.ModelFor(initializer.SyntaxTree).GetOperation(initializer) is { } value ? Guards.Unwrap(value) : null;
        }

        return headers is IPropertyReferenceOperation { Property.Name: "Headers" } property
               && property.Property.ContainingType.Name == "HttpResponse";
    }

    public static bool IsHeaderName(IOperation? key, string name)
        => string.Equals(ConstantText(key), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The header name and value of a write to the response headers (indexer, Append/Add, typed property).</summary>
    public static bool IsHeaderWrite(CallSite site, out string? name, out int valueOrdinal)
    {
        name = null;
        valueOrdinal = -1;
        if (site.Name is not ("Append" or "Add" or "TryAdd" or "AppendCommaSeparatedValues") || site.Method.Parameters.Length < 2)
        {
            return false;
        }

        IOperation? headers = site.Method.IsExtensionMethod ? site.ArgumentOperations[0] : (site.Operation as IInvocationOperation)?.Instance;
        if (!IsResponseHeaders(site.Flow, headers))
        {
            return false;
        }

        int keyOrdinal = site.Method.IsExtensionMethod ? 1 : 0;
        name = ConstantText(site.ArgumentOperations[keyOrdinal]);
        valueOrdinal = keyOrdinal + 1;
        return valueOrdinal < site.Arguments.Length;
    }
}
