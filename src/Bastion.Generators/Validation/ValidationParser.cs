using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.Generators.Validation;

/// <summary>
/// Walks a request type and the types it reaches (nested records, collections of records) and turns
/// [Sanitize] and DataAnnotations attributes into <see cref="ValidatedTypeModel"/>s. One instance per
/// endpoint class; types are visited once and recursion is handled.
/// </summary>
internal sealed class ValidationParser
{
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, string?> _methodNames = new();
    // Keyed by generated method name: whether processing an instance may produce a changed copy.
    private readonly Dictionary<string, bool> _canChange = new();
    private readonly HashSet<string> _inProgress = new();
    private readonly HashSet<string> _referencedWhileInProgress = new();
    private readonly List<ValidatedTypeModel> _types = new();
    private readonly HashSet<string> _usedMethodNames = new();
    private readonly List<Endpoints.SafePathMemberModel> _paths = new();

    public ValidationParser(List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken, bool configurationNames = false)
    {
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        ConfigurationNames = configurationNames;
    }

    /// <summary>Errors are keyed by property name (configuration keys for options), not by JSON name.</summary>
    public bool ConfigurationNames { get; }

    /// <summary>The types that need a generated method, in a stable order.</summary>
    public EquatableArray<ValidatedTypeModel> Types => _types.OrderBy(t => t.MethodName, System.StringComparer.Ordinal).ToEquatableArray();

    /// <summary>[SafePath] members found while walking, in index order (their resolvers are built at map time).</summary>
    public EquatableArray<Endpoints.SafePathMemberModel> PathMembers => _paths.ToEquatableArray();

    /// <summary>Registers a [SafePath] member and returns its resolver index.</summary>
    internal int AddPath(Endpoints.SafePathMemberModel member)
    {
        _paths.Add(member);
        return _paths.Count - 1;
    }

    /// <summary>Returns the generated method name for <paramref name="type"/>, or null when nothing in it needs checking.</summary>
    public string? Visit(ITypeSymbol type)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (type is not INamedTypeSymbol named || !IsUserType(named))
        {
            return null;
        }

        string typeName = SymbolNames.TypeName(named.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        if (_methodNames.TryGetValue(typeName, out string? known))
        {
            if (_inProgress.Contains(typeName))
            {
                _referencedWhileInProgress.Add(typeName);
            }

            return known;
        }

        string methodName = UniqueMethodName("Process" + named.Name);
        _methodNames[typeName] = methodName;
        _inProgress.Add(typeName);
        _canChange[methodName] = true; // assumed while recursing; settled below

        if (named.AllInterfaces.Any(i => i.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.DataAnnotations + "IValidatableObject"))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValidatableObjectNotRun, LocationInfo.From(named.Locations.FirstOrDefault()), named.Name));
        }

        foreach (IFieldSymbol field in named.GetMembers().OfType<IFieldSymbol>())
        {
            bool checkedField = !field.IsStatic && field.DeclaredAccessibility == Accessibility.Public && field.GetAttributes().Any(a =>
                a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.SanitizeAttribute
                || RuleParser.IsValidationAttribute(a.AttributeClass));
            if (checkedField)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValidationOnField, LocationInfo.From(field.Locations.FirstOrDefault()), named.Name, field.Name));
            }
        }

        var members = new List<ValidatedMemberModel>();
        bool isRecordLike = named.IsRecord || named.IsValueType;
        foreach (IPropertySymbol property in GetProperties(named))
        {
            ValidatedMemberModel? member = new MemberParser(this, named, property, _diagnostics).Parse();
            if (member is null)
            {
                continue;
            }

            members.Add(member);
            if (MemberCanChange(member) && !CanWriteBack(named, property))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberCannotBeRewritten,
                    LocationInfo.From(property.Locations.FirstOrDefault()), named.Name, property.Name));
            }
        }

        _inProgress.Remove(typeName);
        if (members.Count == 0 && !_referencedWhileInProgress.Contains(typeName))
        {
            _methodNames[typeName] = null;
            _canChange[methodName] = false;
            return null;
        }

        _canChange[methodName] = members.Any(MemberCanChange);
        _types.Add(new ValidatedTypeModel(typeName, methodName, named.IsValueType, isRecordLike, members.ToEquatableArray(), _canChange[methodName]));
        return methodName;
    }

    internal bool CanChange(string? methodName)
        => methodName is not null && (!_canChange.TryGetValue(methodName, out bool change) || change);

    private bool MemberCanChange(ValidatedMemberModel member)
        => member.Sanitize is not null || member.SafePathIndex >= 0 || CanChange(member.NestedMethod) || CanChange(member.ElementMethod);

    private string UniqueMethodName(string baseName)
    {
        string name = baseName;
        for (int i = 2; !_usedMethodNames.Add(name); i++)
        {
            name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>
    /// Application classes, records and structs, declared in this project or in a referenced one (request
    /// contracts often live in a library); types in the System and Microsoft namespaces are not walked.
    /// </summary>
    internal static bool IsUserType(INamedTypeSymbol type)
        => type.TypeKind is TypeKind.Class or TypeKind.Struct
           && type.SpecialType == SpecialType.None
           && !type.IsTupleType
           && !IsFrameworkNamespace(type.ContainingNamespace);

    private static bool IsFrameworkNamespace(INamespaceSymbol? ns)
    {
        INamespaceSymbol? top = ns;
        while (top?.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            top = parent;
        }

        return top is { IsGlobalNamespace: false, Name: "System" or "Microsoft" };
    }

    private static IEnumerable<IPropertySymbol> GetProperties(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>();
        for (INamedTypeSymbol? current = type; current is not null && IsUserType(current); current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property
                    && property.Name != "EqualityContract"
                    && seen.Add(property.Name))
                {
                    yield return property;
                }
            }
        }
    }

    private static bool CanWriteBack(INamedTypeSymbol type, IPropertySymbol property)
    {
        if (property.SetMethod is null)
        {
            return false;
        }

        // init accessors can be used from a with-expression (records, structs) but not assigned afterwards.
        return !property.SetMethod.IsInitOnly || type.IsRecord || type.IsValueType;
    }

    /// <summary>The primary-constructor parameter of a positional record that declares <paramref name="property"/>.</summary>
    internal static IParameterSymbol? PositionalParameter(INamedTypeSymbol type, IPropertySymbol property)
    {
        if (!type.IsRecord)
        {
            return null;
        }

        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            bool isPrimary = constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is RecordDeclarationSyntax);
            if (isPrimary)
            {
                return constructor.Parameters.FirstOrDefault(p => p.Name == property.Name);
            }
        }

        // A record from a referenced assembly has no syntax: its primary constructor is the one whose
        // parameters all match properties by name and type (the copy constructor takes the record itself).
        IMethodSymbol? primary = type.InstanceConstructors
            .Where(c => c.Parameters.Length > 0
                        && !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type))
                        && c.Parameters.All(p => type.GetMembers(p.Name).OfType<IPropertySymbol>().Any(m => SymbolEqualityComparer.Default.Equals(m.Type, p.Type))))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        return primary?.Parameters.FirstOrDefault(p => p.Name == property.Name);
    }
}
