using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Endpoints;

/// <summary>Classifies a handler's return type: nothing, an IResult, or a value written as JSON.</summary>
internal static class ReturnParser
{
    public static ReturnModel? Parse(IMethodSymbol method, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        ITypeSymbol declared = method.ReturnType;
        string declaredName = SymbolNames.TypeName(declared);
        if (declared.SpecialType == SpecialType.System_Void)
        {
            return new ReturnModel(ReturnKind.Nothing, null, declaredName, null, false);
        }

        string? awaitable = null;
        ITypeSymbol value = declared;
        if (declared is INamedTypeSymbol named)
        {
            string definition = named.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (definition is TypeNames.Task or TypeNames.ValueTask)
            {
                return new ReturnModel(ReturnKind.Nothing, definition == TypeNames.Task ? "Task" : "ValueTask", declaredName, null, false);
            }

            if (definition is TypeNames.Task + "<TResult>" or TypeNames.ValueTask + "<TResult>")
            {
                awaitable = definition.StartsWith(TypeNames.Task, System.StringComparison.Ordinal) ? "Task" : "ValueTask";
                value = named.TypeArguments[0];
            }
        }

        string valueName = SymbolNames.TypeName(value);
        if (IsOrImplements(value, TypeNames.IResult))
        {
            return new ReturnModel(ReturnKind.Result, awaitable, declaredName, valueName, IsOrImplements(value, TypeNames.IEndpointMetadataProvider));
        }

        string? problem = value switch
        {
            { SpecialType: SpecialType.System_Object } => "object cannot be described by JSON metadata; return a concrete type or an IResult",
            { TypeKind: TypeKind.Dynamic } => "dynamic cannot be described by JSON metadata; return a concrete type or an IResult",
            { TypeKind: TypeKind.TypeParameter } => "generic return types are not supported",
            { TypeKind: TypeKind.Pointer or TypeKind.FunctionPointer } => "pointers cannot be returned",
            { IsRefLikeType: true } => "ref struct types cannot be written as JSON",
            _ when value.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) is "global::System.Threading.Tasks.Task" or "global::System.Threading.Tasks.ValueTask" => "nested tasks are not supported",
            _ => null,
        };
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedReturnType, location, method.Name, declared.ToDisplayString(), problem));
            return null;
        }

        return new ReturnModel(ReturnKind.Json, awaitable, declaredName, valueName, false);
    }

    private static bool IsOrImplements(ITypeSymbol type, string interfaceName)
        => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == interfaceName
           || type.AllInterfaces.Any(i => i.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == interfaceName);
}
