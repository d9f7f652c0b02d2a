using System.Collections.Immutable;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Bastion.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.Generators.Options;

/// <summary>
/// Turns a [BastionOptions] type into an <see cref="OptionsClassModel"/>: every settable property is classified
/// (text, parsable value, enum, URI, nested object, array/list/dictionary of those), nested types are walked,
/// [Secret] members collected for checks and redaction, and DataAnnotations parsed by the validation parser with
/// configuration keys as names.
/// </summary>
internal static class OptionsParser
{
    private static readonly HashSet<SpecialType> NumberSpecialTypes = new()
    {
        SpecialType.System_Byte, SpecialType.System_SByte, SpecialType.System_Int16, SpecialType.System_UInt16,
        SpecialType.System_Int32, SpecialType.System_UInt32, SpecialType.System_Int64, SpecialType.System_UInt64, SpecialType.System_Single,
        SpecialType.System_Double, SpecialType.System_Decimal,
    };

    private static readonly HashSet<SpecialType> ParsableSpecialTypes = new() { SpecialType.System_Boolean, SpecialType.System_DateTime };

    private static readonly HashSet<string> ParsableTypes = new()
    {
        "global::System.TimeSpan", "global::System.Guid", "global::System.DateTimeOffset", "global::System.DateOnly", "global::System.TimeOnly",
    };

    public static OptionsParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        OptionsParseResult result = Parse(context.TargetSymbol, context.Attributes, cancellationToken);
        return result.Model is null || context.TargetSymbol is not INamedTypeSymbol type ? result
            : result with { Model = result.Model with { Scope = NameScope.For(type, context.SemanticModel, Endpoints.EndpointParser.InsideClass(context.TargetNode), cancellationToken) } };
    }

    /// <summary>The same parse for the diagnostics analyzer: the type and its [BastionOptions] attributes.</summary>
    public static OptionsParseResult Parse(ISymbol target, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (target is not INamedTypeSymbol type)
        {
            return new OptionsParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        LocationInfo? location = LocationInfo.From(type.Locations.FirstOrDefault());
        string section = attributes.FirstOrDefault()?.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
        string? shape = ShapeProblem(type, section);
        if (shape is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OptionsTypeShape, location, type.Name, shape));
            return new OptionsParseResult(null, diagnostics.ToEquatableArray());
        }

        var walker = new Walker(diagnostics, cancellationToken);
        walker.Visit(type);
        var validation = new ValidationParser(diagnostics, cancellationToken, configurationNames: true);
        string? validationMethod = validation.Visit(type);
        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new OptionsParseResult(null, diagnostics.ToEquatableArray());
        }

        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var model = new OptionsClassModel(ns, Keyword(type), type.Name, SymbolNames.TypeName(type), section,
            walker.Types.ToEquatableArray(), validation.Types, validationMethod, walker.Redacted.ToEquatableArray());
        return new OptionsParseResult(model, diagnostics.ToEquatableArray());
    }

    private static string? ShapeProblem(INamedTypeSymbol type, string section)
    {
        if (section.Trim().Length == 0 || section.StartsWith(":", System.StringComparison.Ordinal) || section.EndsWith(":", System.StringComparison.Ordinal) || section.Contains("::"))
        {
            return "the section name is empty or has an empty segment";
        }

        if (type.IsStatic || type.IsAbstract || type.TypeKind != TypeKind.Class)
        {
            return "it must be a non-abstract class or record";
        }

        if (type.ContainingType is not null || type.IsGenericType)
        {
            return "it must be a top-level, non-generic type";
        }

        if (!IsPartial(type))
        {
            return "it must be partial (Bastion adds the binding to it)";
        }

        return type.InstanceConstructors.Any(c => c.Parameters.Length == 0)
            ? null
            : "it needs a parameterless constructor (positional records cannot be bound; declare properties with { get; set; })";
    }

    internal static bool IsPartial(INamedTypeSymbol type)
        => type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(m => m.ValueText == "partial"));

    private static string Keyword(INamedTypeSymbol type) => type.IsRecord ? "record" : "class";

    /// <summary>Walks the options type and the object types it holds.</summary>
    private sealed class Walker
    {
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, string> _bindMethods = new();
        private readonly Dictionary<string, string?> _secretMethods = new();
        private readonly HashSet<string> _usedNames = new();

        public Walker(List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            _diagnostics = diagnostics;
            _cancellationToken = cancellationToken;
        }

        public List<OptionsTypeModel> Types { get; } = new();

        public List<RedactedTypeModel> Redacted { get; } = new();

        /// <summary>Returns the bind method for <paramref name="type"/>, generating its model once.</summary>
        public string Visit(INamedTypeSymbol type)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            string typeName = SymbolNames.NonNullableTypeName(type);
            if (_bindMethods.TryGetValue(typeName, out string? known))
            {
                return known;
            }

            string bindMethod = Unique("Bind" + type.Name);
            _bindMethods[typeName] = bindMethod;
            _secretMethods[typeName] = null;
            var members = new List<OptionsMemberModel>();
            var secrets = new List<SecretMemberModel>();
            var secretChildren = new List<SecretChildModel>();
            foreach (IPropertySymbol property in Properties(type))
            {
                AttributeData? secret = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == TypeNames.SecretAttribute);
                if (secret is not null)
                {
                    if (property.Type.SpecialType != SpecialType.System_String)
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SecretNotText, LocationInfo.From(property.Locations.FirstOrDefault()), type.Name, property.Name, property.Type.ToDisplayString()));
                        continue;
                    }

                    secrets.Add(new SecretMemberModel(property.Name, AttributeArguments.Named(secret, "MinLength", 0), AttributeArguments.Named(secret, "MinBytes", 0)));
                }

                OptionsMemberModel? member = Member(type, property);
                if (member is null)
                {
                    continue;
                }

                members.Add(member);
                if (member.Collection == OptionsCollectionKind.None && member.ValueKind == OptionsValueKind.Object
                    && property.Type is INamedTypeSymbol nested && SecretCheck(nested) is { } check)
                {
                    secretChildren.Add(new SecretChildModel(property.Name, check));
                }
            }

            string? secretMethod = secrets.Count > 0 || secretChildren.Count > 0 ? Unique("CheckSecrets" + type.Name) : null;
            _secretMethods[typeName] = secretMethod;
            Types.Add(new OptionsTypeModel(typeName, type.Name, bindMethod, members.ToEquatableArray(), secretMethod, secrets.ToEquatableArray(), secretChildren.ToEquatableArray()));
            if (secrets.Count > 0)
            {
                AddRedacted(type, secrets);
            }

            return bindMethod;
        }

        private string? SecretCheck(INamedTypeSymbol type)
            => _secretMethods.TryGetValue(SymbolNames.NonNullableTypeName(type), out string? method) ? method : null;

        private void AddRedacted(INamedTypeSymbol type, List<SecretMemberModel> secrets)
        {
            if (type.ContainingType is not null || type.IsGenericType || !IsPartial(type))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SecretHolderNotPartial, LocationInfo.From(type.Locations.FirstOrDefault()), type.Name, secrets[0].Name));
                return;
            }

            bool declaresPrinter = type.GetMembers(type.IsRecord ? "PrintMembers" : "ToString").OfType<IMethodSymbol>().Any(m => !m.IsImplicitlyDeclared);
            if (declaresPrinter)
            {
                return;
            }

            string printKind = !type.IsRecord ? "ToString"
                : type.IsSealed ? (type.BaseType is { IsRecord: true } ? "SealedDerived" : "Sealed")
                : type.BaseType is { IsRecord: true } ? "Override" : "Virtual";
            var printed = type.GetMembers().OfType<IPropertySymbol>()
                .Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null && p.Name != "EqualityContract")
                .Select(p => p.Name).ToEquatableArray();
            string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
            Redacted.Add(new RedactedTypeModel(ns, Keyword(type), type.Name, printKind, printed, secrets.Select(s => s.Name).ToEquatableArray()));
        }

        private OptionsMemberModel? Member(INamedTypeSymbol owner, IPropertySymbol property)
        {
            bool settable = property.SetMethod is { IsInitOnly: false } setter && setter.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
            ITypeSymbol type = property.Type;
            string typeName = SymbolNames.TypeName(type);
            if (property.SetMethod is { IsInitOnly: true })
            {
                Report(owner, property, "it is init-only; the generated binding sets it after construction, so declare it { get; set; }");
                return null;
            }

            if (TryCollection(type, out OptionsCollectionKind collection, out ITypeSymbol? element))
            {
                if (!settable)
                {
                    Report(owner, property, "a collection is replaced as a whole when configured, so it needs a setter");
                    return null;
                }

                (OptionsValueKind kind, string? bind) = Value(element!);
                if (kind == OptionsValueKind.Object && !Creatable(element!))
                {
                    Report(owner, property, "its items have type '" + element!.ToDisplayString() + "', which has no parameterless constructor");
                    return null;
                }

                if (kind == OptionsValueKind.Unsupported)
                {
                    Report(owner, property, "its items have type '" + element!.ToDisplayString() + "', which Bastion does not read from configuration");
                    return null;
                }

                return new OptionsMemberModel(property.Name, typeName, kind, SymbolNames.TypeName(element!), collection, true, bind);
            }

            (OptionsValueKind valueKind, string? method) = Value(type);
            if (valueKind == OptionsValueKind.Unsupported)
            {
                if (settable)
                {
                    Report(owner, property, "type '" + type.ToDisplayString() + "' is not read from configuration (supported: strings, numbers, bool, enums, TimeSpan, Guid, dates, Uri, nested options types, arrays, lists and string-keyed dictionaries of those)");
                }

                return null;
            }

            if (!settable && valueKind != OptionsValueKind.Object)
            {
                return null; // a computed or get-only value: not configuration
            }

            if (valueKind == OptionsValueKind.Object && settable && !Creatable(type))
            {
                Report(owner, property, "type '" + type.ToDisplayString() + "' has no parameterless constructor");
                return null;
            }

            return new OptionsMemberModel(property.Name, typeName, valueKind, SymbolNames.NonNullableTypeName(SymbolNames.UnderlyingValueType(type)), OptionsCollectionKind.None, settable, method);
        }

        private (OptionsValueKind Kind, string? BindMethod) Value(ITypeSymbol type)
        {
            ITypeSymbol underlying = SymbolNames.UnderlyingValueType(type);
            if (underlying.SpecialType == SpecialType.System_String)
            {
                return (OptionsValueKind.Text, null);
            }

            if (underlying.TypeKind == TypeKind.Enum)
            {
                return (OptionsValueKind.Enum, null);
            }

            if (NumberSpecialTypes.Contains(underlying.SpecialType))
            {
                return (OptionsValueKind.Number, null);
            }

            if (ParsableSpecialTypes.Contains(underlying.SpecialType) || ParsableTypes.Contains(SymbolNames.NonNullableTypeName(underlying)))
            {
                return (OptionsValueKind.Parsable, null);
            }

            if (SymbolNames.NonNullableTypeName(underlying) == "global::System.Uri")
            {
                return (OptionsValueKind.Uri, null);
            }

            if (underlying is INamedTypeSymbol named && named.TypeKind == TypeKind.Class && !named.IsAbstract && ValidationParser.IsUserType(named))
            {
                return (OptionsValueKind.Object, Visit(named));
            }

            return (OptionsValueKind.Unsupported, null);
        }

        private static bool Creatable(ITypeSymbol type)
            => SymbolNames.UnderlyingValueType(type) is INamedTypeSymbol named
               && named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal);

        private static bool TryCollection(ITypeSymbol type, out OptionsCollectionKind kind, out ITypeSymbol? element)
        {
            kind = OptionsCollectionKind.None;
            element = null;
            if (type is IArrayTypeSymbol { Rank: 1 } array)
            {
                kind = OptionsCollectionKind.Array;
                element = array.ElementType;
                return true;
            }

            if (type is not INamedTypeSymbol { IsGenericType: true } named)
            {
                return false;
            }

            string definition = named.ConstructedFrom.ToDisplayString();
            switch (definition)
            {
                case "System.Collections.Generic.List<T>":
                case "System.Collections.Generic.IList<T>":
                case "System.Collections.Generic.IReadOnlyList<T>":
                case "System.Collections.Generic.ICollection<T>":
                case "System.Collections.Generic.IReadOnlyCollection<T>":
                case "System.Collections.Generic.IEnumerable<T>":
                    kind = OptionsCollectionKind.List;
                    element = named.TypeArguments[0];
                    return true;
                case "System.Collections.Generic.Dictionary<TKey, TValue>":
                case "System.Collections.Generic.IDictionary<TKey, TValue>":
                case "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                    if (named.TypeArguments[0].SpecialType != SpecialType.System_String)
                    {
                        return false;
                    }

                    kind = OptionsCollectionKind.Dictionary;
                    element = named.TypeArguments[1];
                    return true;
                default:
                    return false;
            }
        }

        private void Report(INamedTypeSymbol owner, IPropertySymbol property, string problem)
            => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OptionsMemberNotBindable, LocationInfo.From(property.Locations.FirstOrDefault()), owner.Name, property.Name, problem));

        private string Unique(string name)
        {
            string candidate = name;
            for (int i = 2; !_usedNames.Add(candidate); i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        private static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type)
        {
            var seen = new HashSet<string>();
            for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (IPropertySymbol property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (!property.IsStatic && !property.IsIndexer && property.GetMethod is not null && property.Name != "EqualityContract"
                        && property.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal && seen.Add(property.Name))
                    {
                        yield return property;
                    }
                }
            }
        }
    }
}
