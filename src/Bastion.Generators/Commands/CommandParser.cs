using System.Collections.Immutable;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.Generators.Commands;

/// <summary>Turns a [SafeCommand] method symbol into a <see cref="CommandModel"/>, or diagnostics.</summary>
internal static class CommandParser
{
    private const int DefaultTimeoutSeconds = 10;
    private const int DefaultMaxOutputBytes = 1024 * 1024;
    private const int DefaultMaxLength = 256;
    private const int DefaultPatternTimeoutMilliseconds = 1000;

    public static CommandParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        CommandParseResult result = Parse(context.TargetSymbol, context.Attributes, context.TargetNode, cancellationToken);
        return result.Model is null || context.TargetSymbol is not IMethodSymbol method ? result
            : result with { Model = result.Model with { Scope = NameScope.For(method.ContainingType, context.SemanticModel, context.TargetNode.SpanStart, cancellationToken) } };
    }

    /// <summary>The same parse for the diagnostics analyzer: the method, its [SafeCommand] attributes and its declaration.</summary>
    public static CommandParseResult Parse(ISymbol target, ImmutableArray<AttributeData> attributes, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (target is not IMethodSymbol method || attributes.FirstOrDefault() is not { } attribute)
        {
            return new CommandParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<DiagnosticInfo>();
        LocationInfo? location = LocationInfo.From(method.Locations.FirstOrDefault());
        string display = method.ContainingType.Name + "." + method.Name;
        string? shape = ShapeProblem(method, node);
        if (shape is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CommandMethodShape, location, display, shape));
            return new CommandParseResult(null, diagnostics.ToEquatableArray());
        }

        string executable = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
        string[] template = attribute.ConstructorArguments.Length > 1 && !attribute.ConstructorArguments[1].IsNull
            ? attribute.ConstructorArguments[1].Values.Select(v => v.Value as string ?? string.Empty).ToArray()
            : [];
        int timeout = AttributeArguments.Named(attribute, "TimeoutSeconds", DefaultTimeoutSeconds);
        int maxOutput = AttributeArguments.Named(attribute, "MaxOutputBytes", DefaultMaxOutputBytes);
        bool allowEmbedded = AttributeArguments.Named(attribute, "AllowEmbeddedPlaceholders", false);
        string[] environment = NamedArray(attribute, "Environment");

        string? pathProblem = ExecutableRules.PathProblem(executable);
        if (pathProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CommandExecutableNotAbsolute, location, display, executable, pathProblem));
        }
        else if (ExecutableRules.IsShellOrInterpreter(executable))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CommandExecutableIsShell, location, display, executable));
        }

        if (timeout <= 0 || maxOutput <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CommandMethodShape, location, display, "TimeoutSeconds and MaxOutputBytes must be positive"));
        }

        foreach (string name in environment)
        {
            if (name.Length == 0 || name.IndexOf('=') >= 0 || name.Any(char.IsControl))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CommandMethodShape, location, display, "Environment lists '" + name + "', which is not a variable name"));
            }
        }

        var arguments = new List<CommandArgumentModel>();
        var placeholders = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (string argument in template)
        {
            List<CommandTemplatePiece>? pieces = CommandTemplate.Parse(argument, out string? error);
            if (pieces is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCommandTemplate, location, display, argument, error!));
                continue;
            }

            if (pieces.Count > 1 && pieces.Any(p => p.IsParameter) && !allowEmbedded)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CommandEmbeddedPlaceholder, location, display, argument));
            }

            if (pieces.Any(p => !p.IsParameter && p.Text.IndexOf('\0') >= 0))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCommandTemplate, location, display, argument, "it contains NUL, which would cut the argument short"));
            }

            foreach (CommandTemplatePiece piece in pieces.Where(p => p.IsParameter))
            {
                placeholders.Add(piece.Text);
            }

            arguments.Add(new CommandArgumentModel(pieces.ToEquatableArray()));
        }

        var parameters = new List<CommandParameterModel>();
        string? cancellationTokenName = null;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            LocationInfo? parameterLocation = LocationInfo.From(parameter.Locations.FirstOrDefault()) ?? location;
            if (parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.CancellationToken)
            {
                if (cancellationTokenName is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCommandParameter, parameterLocation, display, parameter.Name, "only one CancellationToken is allowed"));
                }

                cancellationTokenName = Identifier(parameter.Name);
                continue;
            }

            CommandParameterModel? parsed = ParseParameter(parameter, display, parameterLocation, diagnostics);
            if (parsed is null)
            {
                continue;
            }

            parameters.Add(parsed);
            if (!placeholders.Contains(parameter.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CommandParameterNotInTemplate, parameterLocation, display, parameter.Name));
            }
        }

        foreach (string placeholder in placeholders.OrderBy(p => p, System.StringComparer.Ordinal))
        {
            if (!method.Parameters.Any(p => p.Name == placeholder))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CommandPlaceholderWithoutParameter, location, display, placeholder));
            }
        }

        if (diagnostics.Count > 0)
        {
            return new CommandParseResult(null, diagnostics.ToEquatableArray(), PartialMethodStub.For(method, "SafeCommand"));
        }

        INamedTypeSymbol type = method.ContainingType;
        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        string hint = (ns is null ? string.Empty : ns + ".") + type.Name + "." + method.Name
            + (method.Parameters.Length == 0 ? string.Empty : "_" + string.Join("_", method.Parameters.Select(p => p.Type.Name)));
        var model = new CommandModel(
            ns,
            TypeDeclaration(type),
            type.Name,
            MethodDeclaration(method),
            method.Name,
            parameters.ToEquatableArray(),
            cancellationTokenName,
            executable,
            arguments.ToEquatableArray(),
            timeout,
            maxOutput,
            environment.ToEquatableArray(),
            string.Join(" ", new[] { executable }.Concat(template)),
            hint);
        return new CommandParseResult(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static string? ShapeProblem(IMethodSymbol method, SyntaxNode node)
    {
        if (!method.IsStatic || !method.IsPartialDefinition)
        {
            return "it must be 'static partial' with no body";
        }

        if (SymbolNames.HasHandWrittenBody(method))
        {
            return "it already has a body; Bastion writes it";
        }

        if (method.IsGenericMethod || method.IsExtensionMethod)
        {
            return "it must not be generic or an extension method";
        }

        if (method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams))
        {
            return "its parameters must not be ref, out, in or params";
        }

        if (method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) != "global::System.Threading.Tasks.Task<global::Bastion.Commands.CommandResult>")
        {
            return "it must return Task<CommandResult>";
        }

        INamedTypeSymbol type = method.ContainingType;
        if (type.ContainingType is not null || type.IsGenericType || type.TypeKind != TypeKind.Class)
        {
            return "its type must be a top-level, non-generic class";
        }

        bool partial = type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(m => m.ValueText == "partial"));
        return partial && node is MethodDeclarationSyntax ? null : "its class must be 'partial'";
    }

    private static CommandParameterModel? ParseParameter(IParameterSymbol parameter, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        AttributeData? argument = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.CommandArgAttribute);
        if (argument is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCommandParameter, location, display, parameter.Name, "every value passed to the program needs [CommandArg]"));
            return null;
        }

        CommandValueKind? kind = parameter.Type.SpecialType switch
        {
            SpecialType.System_String => CommandValueKind.String,
            SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Byte => CommandValueKind.Integer,
            _ => null,
        };
        if (kind is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCommandParameter, location, display, parameter.Name,
                "type '" + parameter.Type.ToDisplayString() + "' is not supported; use string or an integer type"));
            return null;
        }

        string? pattern = AttributeArguments.Named<string?>(argument, "Pattern", null);
        int maxLength = AttributeArguments.Named(argument, "MaxLength", DefaultMaxLength);
        int patternTimeout = AttributeArguments.Named(argument, "PatternTimeoutMilliseconds", DefaultPatternTimeoutMilliseconds);
        if (maxLength <= 0 || patternTimeout <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCommandParameter, location, display, parameter.Name, "MaxLength and PatternTimeoutMilliseconds must be positive"));
            return null;
        }

        if (pattern is not null)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (System.ArgumentException ex)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCommandParameter, location, display, parameter.Name, "the pattern is not a valid regular expression: " + ex.Message));
                return null;
            }
        }

        return new CommandParameterModel(parameter.Name, Identifier(parameter.Name), kind.Value, pattern, patternTimeout, maxLength, AttributeArguments.Named(argument, "AllowLeadingDash", false));
    }

    private static string TypeDeclaration(INamedTypeSymbol type)
        => (type.IsStatic ? "static partial class " : "partial class ") + type.Name;

    private static string MethodDeclaration(IMethodSymbol method)
    {
        string accessibility = method.DeclaredAccessibility switch
        {
            Accessibility.Public => "public ",
            Accessibility.Internal => "internal ",
            Accessibility.Private => "private ",
            Accessibility.Protected => "protected ",
            Accessibility.ProtectedOrInternal => "protected internal ",
            Accessibility.ProtectedAndInternal => "private protected ",
            _ => string.Empty,
        };
        string parameters = string.Join(", ", method.Parameters.Select(p => SymbolNames.TypeName(p.Type) + " " + Identifier(p.Name)));
        return accessibility + "static partial global::System.Threading.Tasks.Task<global::Bastion.Commands.CommandResult> " + method.Name + "(" + parameters + ")";
    }

    internal static string Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string[] NamedArray(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
            {
                return argument.Value.Values.Select(v => v.Value as string ?? string.Empty).ToArray();
            }
        }

        return [];
    }

    internal static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
