using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

/// <summary>What a boolean helper proves about its parameters when it returns true and when it returns false.</summary>
internal sealed class PredicateFacts
{
    public Dictionary<int, Safe> WhenTrue { get; } = new();

    public Dictionary<int, Safe> WhenFalse { get; } = new();
}

internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// For a bool method of this compilation whose body is one return (<c>static bool IsLocal(string url) =&gt; ...</c>),
    /// the facts its expression proves about each parameter; null for other methods.
    /// </summary>
    public PredicateFacts? PredicateFacts(IMethodSymbol method)
    {
        lock (this)
        {
            method = method.OriginalDefinition;
            if (!_running && !_done && method.DeclaringSyntaxReferences.Length > 0)
            {
                Run(System.Threading.CancellationToken.None);
                _done = true;
            }

            PredicateFacts? syntactic = PredicateFactsCore(method);
            if (_bodies.ContainsKey(method) && SummaryOf(method) is { WhenTrue: { } whenTrue } summary)
            {
                var facts = new PredicateFacts();
                Union(facts.WhenTrue, whenTrue, syntactic?.WhenTrue);
                Union(facts.WhenFalse, summary.WhenFalse, syntactic?.WhenFalse);
                return facts;
            }

            return syntactic;
        }
    }

    private static void Union(Dictionary<int, Safe> into, Dictionary<int, Safe>? a, Dictionary<int, Safe>? b)
    {
        foreach (Dictionary<int, Safe>? source in new[] { a, b })
        {
            if (source is null)
            {
                continue;
            }

            foreach (KeyValuePair<int, Safe> fact in source)
            {
                into[fact.Key] = into.TryGetValue(fact.Key, out Safe existing) ? existing | fact.Value : fact.Value;
            }
        }
    }

    /// <summary>What <paramref name="condition"/> (the body of a lambda or predicate) proves about one of its parameters when true.</summary>
    public Safe ProvesWhenTrue(IMethodSymbol predicate, IOperation condition, IParameterSymbol parameter)
    {
        lock (this)
        {
            var found = new Dictionary<StateKey, Safe>();
            Guards.Collect(new PredicateContext(this, predicate, condition), condition, true, found);
            return found.TryGetValue(new StateKey(parameter), out Safe safe) ? safe : Safe.None;
        }
    }

    private PredicateFacts? PredicateFactsCore(IMethodSymbol method)
    {
        if (method.ReturnType.SpecialType != SpecialType.System_Boolean || method.Parameters.Length == 0 || method.DeclaringSyntaxReferences.Length == 0 || method.MethodKind != MethodKind.Ordinary)
        {
            return null;
        }

        if (_predicates.TryGetValue(method, out PredicateFacts? known))
        {
            return known;
        }

        _predicates[method] = null;
        IOperation? condition = ReturnedExpression(method);
        if (condition is null)
        {
            return null;
        }

        var context = new PredicateContext(this, method, condition);
        var facts = new PredicateFacts();
        foreach ((bool sense, Dictionary<int, Safe> target) in new[] { (true, facts.WhenTrue), (false, facts.WhenFalse) })
        {
            var found = new Dictionary<StateKey, Safe>();
            Guards.Collect(context, condition, sense, found);
            foreach (KeyValuePair<StateKey, Safe> fact in found)
            {
                if (fact.Key.Symbol is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
                {
                    target[parameter.Ordinal] = fact.Value;
                }
            }
        }

        _predicates[method] = facts;
        return facts;
    }

    private IOperation? ReturnedExpression(IMethodSymbol method)
    {
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax();
            IOperation? operation = ModelFor(node.SyntaxTree).GetOperation(node);
            IBlockOperation? body = operation switch
            {
                IMethodBodyOperation m => m.BlockBody ?? m.ExpressionBody,
                IBlockOperation b => b,
                _ => null,
            };
            if (Guards.SingleReturn(body) is { } returned)
            {
                return returned;
            }
        }

        return null;
    }

    /// <summary>The pattern of a Regex held in a static field or property initialized with a constant pattern.</summary>
    public string? RegexPattern(IOperation? receiver) => InitializerText(receiver);

    /// <summary>
    /// The first constant argument of the object a static field or property is initialized with
    /// (<c>static readonly Regex R = new("^…$")</c>, <c>static readonly MediaTypeHeaderValue Html = new("text/html")</c>).
    /// </summary>
    public string? InitializerText(IOperation? receiver)
    {
        lock (this)
        {
            return InitializerTextCore(receiver);
        }
    }

    private string? InitializerTextCore(IOperation? receiver)
    {
        ISymbol? symbol = receiver switch
        {
            IFieldReferenceOperation f => f.Field,
            IPropertyReferenceOperation p => p.Property,
            _ => null,
        };
        if (symbol is null)
        {
            return null;
        }

        if (_regexPatterns.TryGetValue(symbol, out string? known))
        {
            return known;
        }

        string? pattern = null;
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            ExpressionSyntax? initializer = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax v => v.Initializer?.Value,
                PropertyDeclarationSyntax p => p.Initializer?.Value,
                _ => null,
            };
            if (initializer is not null && ModelFor(initializer.SyntaxTree).GetOperation(initializer) is { } value
                && Guards.Unwrap(value) is IObjectCreationOperation { Arguments.Length: > 0 } creation)
            {
                pattern = Guards.Unwrap(creation.Arguments[0].Value).ConstantValue.Value as string;
            }
        }

        _regexPatterns[symbol] = pattern;
        return pattern;
    }

    /// <summary>Guards inside a predicate: its parameters (and what Uri.TryCreate makes of them) are what is tested.</summary>
    private sealed class PredicateContext : IGuardContext
    {
        private readonly IMethodSymbol _method;
        private readonly Dictionary<ISymbol, StateKey> _aliases = new(SymbolEqualityComparer.Default);

        public PredicateContext(FlowAnalysis analysis, IMethodSymbol method, IOperation condition)
        {
            Analysis = analysis;
            _method = method;
            foreach (IOperation operation in condition.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "TryCreate", Arguments.Length: 3 } create
                    && Guards.Unwrap(create.Arguments[0].Value) is IParameterReferenceOperation source
                    && create.Arguments[2].Value is IDeclarationExpressionOperation { Expression: ILocalReferenceOperation alias })
                {
                    _aliases[alias.Local] = new StateKey(source.Parameter);
                }
            }
        }

        public FlowAnalysis Analysis { get; }

        public StateKey? KeyOf(IOperation operation) => GuardKeys.Of(Key, operation);

        private StateKey? Key(IOperation? operation) => operation switch
        {
            IParameterReferenceOperation p => new StateKey(p.Parameter),
            ILocalReferenceOperation l => _aliases.TryGetValue(l.Local, out StateKey alias) ? alias : new StateKey(l.Local),
            IConversionOperation c => Key(c.Operand),
            _ => null,
        };

        public bool IsTrusted(IOperation operation)
        {
            IOperation inner = Guards.Unwrap(operation);
            if (inner.ConstantValue.HasValue)
            {
                return true;
            }

            while (inner is IPropertyReferenceOperation { Instance: { } owner })
            {
                inner = Guards.Unwrap(owner);
            }

            return inner switch
            {
                IParameterReferenceOperation p => !SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol, _method),
                ILocalReferenceOperation l => !_aliases.ContainsKey(l.Local),
                IInvocationOperation => false,
                _ => true,
            };
        }

        public bool IsNormalized(IOperation operation) => false;

        public StateKey? RelativeOf(IOperation operation) => null;

        public bool EndsWithSeparator(IOperation operation) => false;
    }
}
