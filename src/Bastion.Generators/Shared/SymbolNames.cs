using System.Linq;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Shared;

/// <summary>How symbols are written into models and generated code.</summary>
internal static class SymbolNames
{
    /// <summary>Fully qualified with <c>global::</c> and nullable annotations, e.g. <c>global::Shop.Order?</c>.</summary>
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string TypeName(ITypeSymbol type) => type.ToDisplayString(FullyQualified);

    /// <summary>The type without a top-level nullable reference annotation.</summary>
    public static string NonNullableTypeName(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FullyQualified);

    public static bool IsNullable(ITypeSymbol type)
        => type.NullableAnnotation == NullableAnnotation.Annotated
           || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T });

    /// <summary>
    /// True when a partial method's implementation part was written by hand. The part Bastion generated does not count:
    /// the diagnostics analyzer sees the compilation with the generated sources, as the compiler runs it.
    /// </summary>
    public static bool HasHandWrittenBody(IMethodSymbol method)
        => method.PartialImplementationPart is { } body
           && !body.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.Replace('\\', '/').Contains("/" + GeneratorTypeName + "/"));

    /// <summary>The folder the compiler puts this generator's sources in (assembly name / generator type / hint name).</summary>
    private const string GeneratorTypeName = "Bastion.Generators.BastionGenerator";

    /// <summary>For <c>Nullable&lt;T&gt;</c>, T; otherwise the type itself.</summary>
    public static ITypeSymbol UnderlyingValueType(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;
}
