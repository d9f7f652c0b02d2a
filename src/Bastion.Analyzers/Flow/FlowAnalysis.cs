using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// The data-flow analysis of one compilation, computed once (lazily, on the first tree an analyzer asks about) and
/// shared by every rule family: every member body is analysed over its control flow graph, methods get summaries on
/// first call, and fields are followed across methods by re-running the bodies until the values stored in fields stop
/// changing (at most <see cref="MaxRounds"/> rounds). Diagnostics are kept per syntax tree and handed to the analyzers.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private const int MaxRounds = 3;

    private static readonly ConditionalWeakTable<Compilation, FlowAnalysis> Cache = new();

    private readonly Compilation _compilation;
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Dictionary<IMethodSymbol, Body> _bodies = new(SymbolEqualityComparer.Default);
    private readonly List<Body> _members = new();
    private readonly HashSet<IMethodSymbol> _mappedMethodGroups = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, PredicateFacts?> _predicates = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, string?> _regexPatterns = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, bool> _tracked = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IOperation, bool> _htmlBodies = new();
    private readonly Dictionary<IOperation, bool> _credentialBodies = new();
    private Dictionary<ISymbol, Value> _fieldValues = new(SymbolEqualityComparer.Default);
    private Dictionary<ISymbol, Value> _fieldWrites = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxTree, List<Diagnostic>> _diagnostics = new();
    private readonly HashSet<(string Id, Location Location)> _reported = new();
    private bool _done;
    private bool _running;
    private bool? _strictCookiePolicy;

    private FlowAnalysis(Compilation compilation, ImmutableArray<IFlowRules> rules)
    {
        _compilation = compilation;
        Rules = rules;
        Names = new Names();
        Sources = new RequestSources(this);
    }

    /// <summary>Development aid: receives a line per analysed body and sink check when set (tests only).</summary>
    internal static System.Action<string>? Trace { get; set; }

    public ImmutableArray<IFlowRules> Rules { get; }

    public Names Names { get; }

    public RequestSources Sources { get; }

    public Compilation Compilation => _compilation;

    /// <summary>The analysis of a compilation, shared by all Bastion analyzers that run on it.</summary>
    public static FlowAnalysis For(Compilation compilation) => Cache.GetValue(compilation, c => new FlowAnalysis(c, Families.FamilyRules.Create()));

    /// <summary>The diagnostics found in one tree (runs the whole analysis the first time).</summary>
    public ImmutableArray<Diagnostic> DiagnosticsFor(SyntaxTree tree, CancellationToken cancellationToken)
    {
        lock (this)
        {
            if (!_done)
            {
                Run(cancellationToken);
                _done = true;
            }

            return _diagnostics.TryGetValue(tree, out List<Diagnostic>? found) ? found.ToImmutableArray() : ImmutableArray<Diagnostic>.Empty;
        }
    }

    private void Run(CancellationToken cancellationToken)
    {
        _running = true;
        try
        {
            Collect(cancellationToken);
            for (int round = 0; round < MaxRounds; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _summaries.Clear();
                _diagnostics.Clear();
                _reported.Clear();
                _fieldWrites = new Dictionary<ISymbol, Value>(SymbolEqualityComparer.Default);
                foreach (Body body in _members)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (body.Method is { } method)
                    {
                        SummaryOf(method);
                    }
                    else
                    {
                        Analyze(body, null, null);
                    }
                }

                if (SameFields(_fieldValues, _fieldWrites))
                {
                    break;
                }

                _fieldValues = _fieldWrites;
            }
        }
        finally
        {
            _running = false;
        }
    }

    private static bool SameFields(Dictionary<ISymbol, Value> a, Dictionary<ISymbol, Value> b)
    {
        foreach (KeyValuePair<ISymbol, Value> entry in b)
        {
            if (entry.Value.Taint.IsClean && !entry.Value.EndsWithSeparator && !entry.Value.HasConstant)
            {
                continue;
            }

            if (!a.TryGetValue(entry.Key, out Value? old) || !old.Taint.Equals(entry.Value.Taint) || old.EndsWithSeparator != entry.Value.EndsWithSeparator)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The summary of a method with a body in this compilation, computed on first use; null for others and while recursing.</summary>
    public MethodSummary? SummaryOf(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (method.MethodKind == MethodKind.ReducedExtension && method.ReducedFrom is { } reduced)
        {
            method = reduced;
        }

        if (!_bodies.TryGetValue(method, out Body? body))
        {
            return null;
        }

        if (_summaries.TryGetValue(method, out MethodSummary? existing))
        {
            return ReferenceEquals(existing, MethodSummary.InProgress) ? null : existing;
        }

        _summaries[method] = MethodSummary.InProgress;
        var summary = new MethodSummary();
        Analyze(body, method, summary);
        _summaries[method] = summary;
        return summary;
    }

    private void Analyze(Body body, IMethodSymbol? method, MethodSummary? summary)
    {
        ControlFlowGraph? graph = body.Graph();
        if (graph is null)
        {
            return;
        }

        Trace?.Invoke("body " + (method?.ToDisplayString() ?? "(initializer)") + " blocks=" + graph.Blocks.Length);
        var flow = new BodyFlow(this, graph, method, summary);
        var entry = new FlowState();
        if (method is not null)
        {
            bool handler = Sources.IsHandler(method);
            flow.IsHandler = handler;
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                Taint taint = Taint.FromParameter(parameter.Ordinal);
                if (handler && RequestSources.IsRequestParameter(parameter, Names))
                {
                    taint = taint.Join(Taint.From(Origin.Request));
                }

                entry.Set(new StateKey(parameter), new Value(taint, label: parameter.Name));
            }
        }

        flow.Run(entry);
        if (summary is null || method is null)
        {
            return;
        }

        summary.Return = flow.ReturnValue;
        if (flow.ExitState is { } exit)
        {
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.RefKind is RefKind.Out or RefKind.Ref && exit.Get(new StateKey(parameter)) is { } value)
                {
                    summary.OutParameters[parameter.Ordinal] = value;
                }
            }
        }
    }

    public void Report(DiagnosticDescriptor rule, Location location, object?[] arguments)
    {
        if (location.SourceTree is not { } tree || !_reported.Add((rule.Id, location)))
        {
            return;
        }

        if (!_diagnostics.TryGetValue(tree, out List<Diagnostic>? list))
        {
            _diagnostics[tree] = list = new List<Diagnostic>();
        }

        list.Add(Diagnostic.Create(rule, location, arguments));
    }

    public bool IsMappedMethodGroup(IMethodSymbol method) => _mappedMethodGroups.Contains(method.OriginalDefinition);

    /// <summary>The value a field (or tracked property, or captured primary-constructor parameter) holds, from the previous round.</summary>
    public Value FieldValue(ISymbol field)
        => _fieldValues.TryGetValue(field.OriginalDefinition, out Value? value) ? value : Value.Clean;

    public void WriteField(ISymbol field, Value value)
    {
        ISymbol key = field.OriginalDefinition;
        _fieldWrites[key] = _fieldWrites.TryGetValue(key, out Value? existing) ? existing.Join(value) : value;
    }

    /// <summary>Fields, auto-properties and captured primary-constructor parameters of this compilation's types are followed across methods.</summary>
    public bool IsFieldLike(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => !field.IsConst && field.Locations.Length > 0 && field.Locations[0].IsInSource,
        IPropertySymbol property => IsTrackedProperty(property),
        IParameterSymbol parameter => parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && IsPrimaryConstructor(constructor),
        _ => false,
    };

    public bool IsTrackedProperty(IPropertySymbol property)
    {
        if (_tracked.TryGetValue(property, out bool tracked))
        {
            return tracked;
        }

        tracked = false;
        if (!property.IsIndexer && property.DeclaringSyntaxReferences.Length == 1
            && property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors })
        {
            tracked = true;
            foreach (AccessorDeclarationSyntax accessor in accessors.Accessors)
            {
                tracked &= accessor.Body is null && accessor.ExpressionBody is null;
            }
        }

        _tracked[property] = tracked;
        return tracked;
    }

    private static bool IsPrimaryConstructor(IMethodSymbol constructor)
        => constructor.DeclaringSyntaxReferences.Length == 1 && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax;

    public void WritePrimaryConstructorArguments(IMethodSymbol constructor, Value[] args)
    {
        if (!IsPrimaryConstructor(constructor))
        {
            return;
        }

        for (int i = 0; i < constructor.Parameters.Length && i < args.Length; i++)
        {
            WriteField(constructor.Parameters[i], args[i]);
        }
    }
}
