using System.Collections.Immutable;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Generators.Analyzers;

/// <summary>
/// BAS1304: a value from the request reaches a file system API unchecked. Request values are the string
/// (and body-object) parameters of request handlers: lambdas passed to <c>Map*</c>, Bastion verb-attributed
/// methods, and public controller actions. A value stays "from the request" through member access,
/// concatenation, interpolation, string methods and locals initialised from it; passing through any
/// other call (for example <c>Path.GetFileName</c> or <c>SafePathResolver.Resolve</c>) ends it. Sinks:
/// <c>Path.Combine/Join/GetFullPath</c>, every <c>File</c> and <c>Directory</c> method, <c>FileStream</c>,
/// <c>FileInfo</c>, <c>DirectoryInfo</c>, <c>StreamReader</c>/<c>StreamWriter</c> paths, and the
/// physical-file results.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FileSystemPathAnalyzer : DiagnosticAnalyzer
{
    private const int MaxLocalDepth = 8;

    private static readonly ImmutableHashSet<string> PathMethods = ImmutableHashSet.Create("Combine", "Join", "GetFullPath");
    private static readonly ImmutableHashSet<string> PathTypes = ImmutableHashSet.Create(
        "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.StreamReader", "System.IO.StreamWriter");
    private static readonly ImmutableHashSet<string> FileResultMethods = ImmutableHashSet.Create("PhysicalFile", "File");
    private static readonly ImmutableHashSet<string> MapMethods = ImmutableHashSet.Create(
        "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.RequestValueReachesFileSystem);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeCreation, OperationKind.ObjectCreation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        string type = method.ContainingType.ToDisplayString();
        bool sink = (type == "System.IO.Path" && PathMethods.Contains(method.Name))
                    || type is "System.IO.File" or "System.IO.Directory"
                    || (FileResultMethods.Contains(method.Name) && type is "Microsoft.AspNetCore.Http.Results" or "Microsoft.AspNetCore.Http.TypedResults" or "Microsoft.AspNetCore.Mvc.ControllerBase");
        if (sink)
        {
            Check(context, invocation.Arguments, (type.Substring(type.LastIndexOf('.') + 1)) + "." + method.Name);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        string? type = creation.Type?.ToDisplayString();
        if (type is not null && PathTypes.Contains(type))
        {
            Check(context, creation.Arguments, "new " + type.Substring(type.LastIndexOf('.') + 1));
        }
    }

    private static void Check(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, string sink)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is null || !IsPathParameter(argument.Parameter))
            {
                continue;
            }

            string? source = RequestSource(argument.Value, 0);
            if (source is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RequestValueReachesFileSystem, argument.Syntax.GetLocation(), source, sink));
                return;
            }
        }
    }

    /// <summary>Parameters that name a file or directory (not contents, patterns or download names).</summary>
    private static bool IsPathParameter(IParameterSymbol parameter)
        => parameter.Name.IndexOf("path", System.StringComparison.OrdinalIgnoreCase) >= 0
           || parameter.Name is "sourceFileName" or "destFileName" or "destinationBackupFileName" or "sourceDirName" or "destDirName" or "fileName";

    private static bool CarriesText(ITypeSymbol? type)
        => type is not null && (type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol || type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Struct);

    /// <summary>The request parameter <paramref name="operation"/> carries, or null.</summary>
    private static string? RequestSource(IOperation operation, int depth)
    {
        if (depth > MaxLocalDepth)
        {
            return null;
        }

        operation = ProcessStartAnalyzer.Unwrap(operation);
        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                return IsRequestValue(parameter.Parameter) ? parameter.Parameter.Name : null;
            case IPropertyReferenceOperation { Instance: { } instance } property:
                return CarriesText(property.Type) ? RequestSource(instance, depth) : null;
            case IFieldReferenceOperation { Instance: { } instance } field:
                return CarriesText(field.Type) ? RequestSource(instance, depth) : null;
            case IArrayElementReferenceOperation element:
                return RequestSource(element.ArrayReference, depth);
            case IBinaryOperation binary:
                return RequestSource(binary.LeftOperand, depth) ?? RequestSource(binary.RightOperand, depth);
            case ICoalesceOperation coalesce:
                return RequestSource(coalesce.Value, depth) ?? RequestSource(coalesce.WhenNull, depth);
            case IConditionalOperation conditional:
                return (conditional.WhenTrue is null ? null : RequestSource(conditional.WhenTrue, depth)) ?? (conditional.WhenFalse is null ? null : RequestSource(conditional.WhenFalse, depth));
            case IInterpolatedStringOperation interpolated:
                return interpolated.Parts.OfType<IInterpolationOperation>().Select(p => RequestSource(p.Expression, depth)).FirstOrDefault(s => s is not null);
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.Select(v => RequestSource(v, depth)).FirstOrDefault(s => s is not null);
            case IInvocationOperation invocation when IsStringTransform(invocation):
                return (invocation.Instance is null ? null : RequestSource(invocation.Instance, depth))
                       ?? invocation.Arguments.Select(a => RequestSource(a.Value, depth)).FirstOrDefault(s => s is not null);
            case ILocalReferenceOperation local:
                return LocalSource(local, depth);
            default:
                return null;
        }
    }

    private static string? LocalSource(ILocalReferenceOperation reference, int depth)
    {
        SemanticModel? model = reference.SemanticModel;
        foreach (SyntaxReference declaration in reference.Local.DeclaringSyntaxReferences)
        {
            if (model is not null && declaration.SyntaxTree == model.SyntaxTree
                && model.GetOperation(declaration.GetSyntax()) is IVariableDeclaratorOperation { Initializer: { } initializer })
            {
                return RequestSource(initializer.Value, depth + 1);
            }
        }

        return null;
    }

    // Path.GetFileName is not a sanitizer: GetFileName("..") is "..".
    private static bool IsStringTransform(IInvocationOperation invocation)
        => (invocation.TargetMethod.Name == "GetFileName" && invocation.TargetMethod.ContainingType.ToDisplayString() == "System.IO.Path")
           || invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_String
           && invocation.TargetMethod.Name is "Concat" or "Format" or "Join" or "Trim" or "TrimStart" or "TrimEnd" or "Replace" or "Substring" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Normalize" or "Remove" or "Insert" or "PadLeft" or "PadRight";

    /// <summary>A string, string array or body-object parameter of a request handler.</summary>
    private static bool IsRequestValue(IParameterSymbol parameter)
    {
        if (!IsHandler(parameter.ContainingSymbol as IMethodSymbol) || HasAttribute(parameter, "Microsoft.AspNetCore.Mvc.FromServicesAttribute"))
        {
            return false;
        }

        ITypeSymbol type = parameter.Type;
        if (type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String })
        {
            return true;
        }

        string ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        bool framework = ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal) || ns.StartsWith("Bastion", System.StringComparison.Ordinal);
        return !framework && type.TypeKind is TypeKind.Class or TypeKind.Struct && !type.IsAbstract;
    }

    private static bool IsHandler(IMethodSymbol? method)
    {
        if (method is null)
        {
            return false;
        }

        if (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LambdaMethod)
        {
            return IsMapArgument(method);
        }

        if (method.GetAttributes().Any(a => a.AttributeClass?.BaseType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.HttpEndpointAttribute))
        {
            return true;
        }

        if (method.DeclaredAccessibility != Accessibility.Public || method.IsStatic || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (type.ToDisplayString() == "Microsoft.AspNetCore.Mvc.ControllerBase")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMapArgument(IMethodSymbol lambda)
    {
        foreach (SyntaxReference reference in lambda.DeclaringSyntaxReferences)
        {
            SyntaxNode? node = reference.GetSyntax().Parent;
            while (node is not null && node is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax)
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax)
                {
                    return false;
                }

                node = node.Parent;
            }

            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation
                && invocation.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access
                && MapMethods.Contains(access.Name.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(IParameterSymbol parameter, string name)
        => parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == name);
}
