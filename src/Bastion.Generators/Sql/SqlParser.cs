using System.Collections.Immutable;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Bastion.Generators.Commands;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.Generators.Sql;

/// <summary>Turns a [Sql] method symbol into a <see cref="SqlMethodModel"/>, or diagnostics.</summary>
internal static class SqlParser
{
    private const string SortDirection = "global::Bastion.Sql.SortDirection";

    public static SqlParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        SqlParseResult result = Parse(context.TargetSymbol, context.Attributes, context.TargetNode, cancellationToken);
        return result.Model is null || context.TargetSymbol is not IMethodSymbol method ? result
            : result with { Model = result.Model with { Scope = NameScope.For(method.ContainingType, context.SemanticModel, context.TargetNode.SpanStart, cancellationToken) } };
    }

    /// <summary>The same parse for the diagnostics analyzer: the method, its [Sql] attributes and its declaration.</summary>
    public static SqlParseResult Parse(ISymbol target, ImmutableArray<AttributeData> attributes, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (target is not IMethodSymbol method || attributes.FirstOrDefault() is not { } attribute)
        {
            return new SqlParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<DiagnosticInfo>();
        LocationInfo? location = LocationInfo.From(method.Locations.FirstOrDefault());
        string display = method.ContainingType.Name + "." + method.Name;
        string? shape = ShapeProblem(method, node);
        if (shape is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlMethodShape, location, display, shape));
            return new SqlParseResult(null, diagnostics.ToEquatableArray());
        }

        string sql = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
        int timeoutSeconds = attribute.NamedArguments.FirstOrDefault(a => a.Key == "CommandTimeoutSeconds").Value.Value as int? ?? 0;
        var hidden = new List<string>();
        List<SqlPiece> pieces = SqlText.Split(sql, hidden, out string code);

        string? connection = null, transaction = null, cancellation = null, commandTimeout = null;
        var parameters = new List<SqlParameterModel>();
        var identifiers = new List<SqlIdentifierModel>();
        var placeholderNames = new Dictionary<string, IParameterSymbol>(System.StringComparer.OrdinalIgnoreCase);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            LocationInfo? at = LocationInfo.From(parameter.Locations.FirstOrDefault()) ?? location;
            AttributeData? sqlParam = Find(parameter, "global::Bastion.SqlParamAttribute");
            AttributeData? sqlIdentifier = Find(parameter, "global::Bastion.SqlIdentifierAttribute");
            string typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (sqlParam is null && sqlIdentifier is null)
            {
                if (connection is null && InheritsFrom(parameter.Type, "System.Data.Common.DbConnection"))
                {
                    connection = CommandParser.Identifier(parameter.Name);
                }
                else if (transaction is null && InheritsFrom(parameter.Type, "System.Data.Common.DbTransaction"))
                {
                    transaction = CommandParser.Identifier(parameter.Name);
                }
                else if (cancellation is null && typeName == TypeNames.CancellationToken)
                {
                    cancellation = CommandParser.Identifier(parameter.Name);
                }
                else if (commandTimeout is null && parameter.Name == "commandTimeout" && SymbolNames.UnderlyingValueType(parameter.Type).SpecialType == SpecialType.System_Int32)
                {
                    commandTimeout = CommandParser.Identifier(parameter.Name);
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlMethodShape, at, display,
                        "parameter '" + parameter.Name + "' needs [SqlParam] or [SqlIdentifier] (only the connection, a transaction, a CancellationToken and 'int? commandTimeout' go without)"));
                }

                continue;
            }

            if (sqlIdentifier is not null)
            {
                SqlIdentifierModel? identifier = ParseIdentifier(parameter, display, at, diagnostics);
                if (identifier is not null)
                {
                    identifiers.Add(identifier);
                }

                continue;
            }

            string placeholder = AttributeArguments.Named<string?>(sqlParam!, "Name", null) ?? parameter.Name;
            if (placeholderNames.ContainsKey(placeholder))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlPlaceholderWithoutParameter, at, display, placeholder, "two parameters claim it"));
                continue;
            }

            placeholderNames[placeholder] = parameter;
            SqlParameterModel? parsed = ParseParameter(parameter, sqlParam!, placeholder, pieces, display, at, diagnostics);
            if (parsed is not null)
            {
                parameters.Add(parsed);
            }
        }

        if (connection is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlMethodShape, location, display, "it needs a DbConnection parameter"));
        }

        foreach (string name in hidden.Distinct())
        {
            string bare = name.Trim('@', '{', '}');
            bool refersToParameter = name[0] == '@' ? placeholderNames.ContainsKey(bare) : identifiers.Any(i => i.Placeholder == bare);
            if (refersToParameter)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlPlaceholderInLiteral, location, display, name));
            }
        }

        foreach (SqlPiece piece in pieces.Where(p => p.Kind == SqlPieceKind.Parameter).GroupBy(p => p.Text, System.StringComparer.OrdinalIgnoreCase).Select(g => g.First()))
        {
            if (!placeholderNames.ContainsKey(piece.Text))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlPlaceholderWithoutParameter, location, display, piece.Text, "no [SqlParam] parameter has that name"));
            }
        }

        foreach (SqlPiece piece in pieces.Where(p => p.Kind == SqlPieceKind.Identifier).GroupBy(p => p.Text).Select(g => g.First()))
        {
            if (!identifiers.Any(i => i.Placeholder == piece.Text) && !method.Parameters.Any(p => p.Name == piece.Text))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlIdentifierInvalid, location, display, piece.Text, "no [SqlIdentifier] parameter has that name"));
            }
        }

        foreach (KeyValuePair<string, IParameterSymbol> entry in placeholderNames)
        {
            if (!pieces.Any(p => p.Kind == SqlPieceKind.Parameter && string.Equals(p.Text, entry.Key, System.StringComparison.OrdinalIgnoreCase)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlParameterNotUsed, LocationInfo.From(entry.Value.Locations.FirstOrDefault()) ?? location, display, entry.Key));
            }
        }

        foreach (SqlIdentifierModel identifier in identifiers)
        {
            if (!pieces.Any(p => p.Kind == SqlPieceKind.Identifier && p.Text == identifier.Placeholder))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlParameterNotUsed, location, display, "{" + identifier.Placeholder + "}"));
            }
        }

        SqlReturnKind returnKind = SqlResultParser.ParseReturn(method, code, display, location, diagnostics, out string? elementType, out SqlRowModel? row, out SqlValueModel? scalar);
        if (row is not null && SqlText.SelectsStar(code))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlSelectStar, location, display, row.TypeName.Replace("global::", string.Empty)));
        }

        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new SqlParseResult(null, diagnostics.ToEquatableArray(), PartialMethodStub.For(method, "Sql"));
        }

        INamedTypeSymbol type = method.ContainingType;
        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var model = new SqlMethodModel(
            ns,
            (type.IsStatic ? "static partial class " : "partial class ") + type.Name,
            type.Name,
            MethodDeclaration(method, cancellation, returnKind),
            method.Name,
            connection!,
            transaction,
            cancellation,
            commandTimeout,
            timeoutSeconds,
            sql,
            pieces.ToEquatableArray(),
            parameters.ToEquatableArray(),
            identifiers.ToEquatableArray(),
            returnKind,
            elementType,
            row,
            scalar,
            (ns is null ? string.Empty : ns + ".") + type.Name + "." + method.Name,
            FixedColumns: row is not null && identifiers.Count == 0 && code.IndexOf('*') < 0);
        return new SqlParseResult(model, diagnostics.ToEquatableArray());
    }

    private static string? ShapeProblem(IMethodSymbol method, SyntaxNode node)
    {
        if (!method.IsStatic || !method.IsPartialDefinition || node is not MethodDeclarationSyntax)
        {
            return "it must be 'static partial' with no body";
        }

        if (SymbolNames.HasHandWrittenBody(method))
        {
            return "it already has a body; Bastion writes it";
        }

        if (method.IsGenericMethod || method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams))
        {
            return "it must not be generic or take ref, out, in or params parameters";
        }

        INamedTypeSymbol type = method.ContainingType;
        if (type.ContainingType is not null || type.IsGenericType || type.TypeKind != TypeKind.Class)
        {
            return "its type must be a top-level, non-generic class";
        }

        if (type.GetMembers(method.Name).OfType<IMethodSymbol>().Count(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Bastion.SqlAttribute")) > 1)
        {
            return "[Sql] methods cannot be overloaded; give each a name of its own";
        }

        bool partial = type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(m => m.ValueText == "partial"));
        return partial ? null : "its class must be 'partial'";
    }

    private static SqlParameterModel? ParseParameter(IParameterSymbol parameter, AttributeData attribute, string placeholder, List<SqlPiece> pieces, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        ITypeSymbol type = parameter.Type;
        ITypeSymbol? element = null;
        if (type.SpecialType != SpecialType.System_String && type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
        {
            element = type is IArrayTypeSymbol array ? array.ElementType
                : (type as INamedTypeSymbol)?.AllInterfaces.Concat(type is INamedTypeSymbol self ? new[] { self } : System.Array.Empty<INamedTypeSymbol>())
                    .FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)?.TypeArguments[0];
        }

        ITypeSymbol valueType = SymbolNames.UnderlyingValueType(element ?? type);
        string? dbType = SqlTypes.DbTypeOf(valueType);
        int explicitDbType = AttributeArguments.Named(attribute, "DbType", -1);
        if (explicitDbType >= 0)
        {
            dbType = ((System.Data.DbType)explicitDbType).ToString();
        }

        if (dbType is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlParameterTypeNotSupported, location, display, parameter.Name, type.ToDisplayString()));
            return null;
        }

        SqlListStyle style = SqlListStyle.None;
        if (element is not null)
        {
            SqlPiece[] uses = pieces.Where(p => p.Kind == SqlPieceKind.Parameter && string.Equals(p.Text, placeholder, System.StringComparison.OrdinalIgnoreCase)).ToArray();
            style = uses.Length == 1 ? uses[0].ListStyle : SqlListStyle.None;
            if (uses.Length > 0 && style == SqlListStyle.None)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlCollectionPlacement, location, display, parameter.Name));
                return null;
            }
        }
        else if (pieces.Any(p => p.Kind == SqlPieceKind.Parameter && string.Equals(p.Text, placeholder, System.StringComparison.OrdinalIgnoreCase) && p.ListStyle is SqlListStyle.Bare or SqlListStyle.Any))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlCollectionPlacement, location, display, parameter.Name));
            return null;
        }

        bool isEnum = valueType.TypeKind == TypeKind.Enum;
        string identifier = CommandParser.Identifier(parameter.Name);
        string underlying = isEnum ? SymbolNames.TypeName(((INamedTypeSymbol)valueType).EnumUnderlyingType!) : string.Empty;
        string valueExpression = isEnum
            ? (SymbolNames.IsNullable(element ?? type) ? $"(VALUE is {{ }} e ? ({underlying})e : null)" : $"({underlying})VALUE")
            : "VALUE";
        return new SqlParameterModel(
            placeholder,
            identifier,
            SymbolNames.TypeName(type),
            dbType,
            AttributeArguments.Named(attribute, "MaxLength", 0),
            AttributeArguments.Named<byte>(attribute, "Precision", 0),
            AttributeArguments.Named<byte>(attribute, "Scale", 0),
            element is not null,
            element is null ? null : SymbolNames.TypeName(element),
            style,
            AttributeArguments.Named(attribute, "MaxItems", 1000),
            valueExpression,
            valueType.SpecialType == SpecialType.System_String,
            valueType is IArrayTypeSymbol);
    }

    private static SqlIdentifierModel? ParseIdentifier(IParameterSymbol parameter, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (parameter.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlIdentifierInvalid, location, display, parameter.Name, "[SqlIdentifier] applies to enum parameters"));
            return null;
        }

        string enumName = SymbolNames.TypeName(enumType);
        bool keyword = enumName == SortDirection;
        var choices = new List<SqlIdentifierChoice>();
        foreach (IFieldSymbol member in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            string sql;
            if (keyword)
            {
                sql = member.Name == "Ascending" ? "ASC" : "DESC";
            }
            else
            {
                sql = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Bastion.SqlNameAttribute")?.ConstructorArguments.FirstOrDefault().Value as string
                      ?? SnakeCase(member.Name);
                if (!IsPlainIdentifier(sql))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlIdentifierInvalid, LocationInfo.From(member.Locations.FirstOrDefault()) ?? location, display, parameter.Name,
                        "enum member '" + member.Name + "' maps to '" + sql + "', which is not a plain identifier (letters, digits, '_', optionally table.column)"));
                    return null;
                }
            }

            choices.Add(new SqlIdentifierChoice(member.Name, sql));
        }

        if (choices.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlIdentifierInvalid, location, display, parameter.Name, "the enum has no members"));
            return null;
        }

        return new SqlIdentifierModel(parameter.Name, CommandParser.Identifier(parameter.Name), enumName, keyword, choices.ToEquatableArray());
    }

    private static string MethodDeclaration(IMethodSymbol method, string? cancellation, SqlReturnKind kind)
    {
        string accessibility = method.DeclaredAccessibility switch
        {
            Accessibility.Public => "public ",
            Accessibility.Internal => "internal ",
            Accessibility.Private => "private ",
            _ => string.Empty,
        };
        string parameters = string.Join(", ", method.Parameters.Select((p, i) =>
            (i == 0 && method.IsExtensionMethod ? "this " : string.Empty)
            + (kind == SqlReturnKind.Stream && CommandParser.Identifier(p.Name) == cancellation ? "[global::System.Runtime.CompilerServices.EnumeratorCancellation] " : string.Empty)
            + SymbolNames.TypeName(p.Type) + " " + CommandParser.Identifier(p.Name)));
        return accessibility + "static async partial " + SymbolNames.TypeName(method.ReturnType) + " " + method.Name + "(" + parameters + ")";
    }

    private static AttributeData? Find(IParameterSymbol parameter, string attribute)
        => parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == attribute);

    private static bool InheritsFrom(ITypeSymbol type, string baseName)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace?.ToDisplayString() + "." + current.Name == baseName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPlainIdentifier(string value)
        => value.Length > 0 && value.Split('.').All(part => part.Length > 0 && !char.IsDigit(part[0]) && part.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_')));

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
