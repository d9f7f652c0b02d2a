using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// Runs the abstract interpretation of one body over its control flow graph: a forward worklist over basic blocks, the
/// state of every tracked location joined where paths meet and refined on the two edges of a condition
/// (<see cref="Guards"/>). Lambdas are analysed where they are created, with the state they capture; local functions
/// where they are called, with the argument values.
/// </summary>
internal sealed partial class BodyFlow
{
    private const int MaxNesting = 6;

    private readonly FlowAnalysis _analysis;
    private readonly ControlFlowGraph _cfg;
    private readonly BodyFlow? _parent;
    private readonly MethodSummary? _summary;
    private readonly IMethodSymbol? _method;
    private readonly int _depth;
    private FlowState _state = new();
    private Value? _return;
    private FlowState? _exit;
    private readonly System.Collections.Generic.Dictionary<CaptureId, IOperation> _captures = new();

    public BodyFlow(FlowAnalysis analysis, ControlFlowGraph cfg, IMethodSymbol? method, MethodSummary? summary, BodyFlow? parent = null)
    {
        _analysis = analysis;
        _cfg = cfg;
        _method = method;
        _summary = summary;
        _parent = parent;
        _depth = parent is null ? 0 : parent._depth + 1;
    }

    public FlowAnalysis Analysis => _analysis;

    /// <summary>True for the body of a request handler (a handler lambda, or an action, page handler or mapped method).</summary>
    public bool IsHandler { get; set; }

    /// <summary>True for a method's own body (not a lambda or local function inside it).</summary>
    public bool IsMethodBody => _parent is null && _method is not null;

    public FlowState State => _state;

    /// <summary>The method whose body (or lambda inside it) this is.</summary>
    public IMethodSymbol? Method => _method;

    /// <summary>The outermost member being analysed (for per-body facts such as "sets an HTML content type").</summary>
    public IOperation Root => _parent?.Root ?? _cfg.OriginalOperation;

    public Value? ReturnValue => _return;

    public FlowState? ExitState => _exit;

    public void Run(FlowState entry)
    {
        ImmutableArray<BasicBlock> blocks = _cfg.Blocks;
        var inStates = new FlowState?[blocks.Length];
        inStates[0] = entry;
        var work = new SortedSet<int> { 0 };
        int budget = (blocks.Length * 8) + 32;
        while (true)
        {
            while (work.Count > 0 && budget-- > 0)
            {
                int index = work.Min;
                work.Remove(index);
                Step(blocks[index], inStates[index]!.Clone(), inStates, work);
            }

            if (!SeedHandlers(blocks, inStates, work) || budget <= 0)
            {
                break;
            }
        }

        _exit = inStates[blocks.Length - 1];
    }

    private void Step(BasicBlock block, FlowState state, FlowState?[] inStates, SortedSet<int> work)
    {
        _state = state;
        foreach (IOperation operation in block.Operations)
        {
            FlowAnalysis.Trace?.Invoke($"  [{_depth}] B{block.Ordinal} {operation.Kind}: {operation.Syntax.ToString().Replace("\n", " ")}");
            Eval(operation);
        }

        if (block.BranchValue is null)
        {
            Propagate(block.FallThroughSuccessor, state, inStates, work);
            return;
        }

        Value branch = Eval(block.BranchValue);
        if (block.ConditionKind == ControlFlowConditionKind.None)
        {
            if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                _return = _return is null ? branch : _return.Join(branch);
                RecordPredicate(block.BranchValue, branch);
                foreach (IFlowRules rules in _analysis.Rules)
                {
                    rules.OnReturn(this, block.BranchValue, branch);
                }
            }

            Propagate(block.FallThroughSuccessor, state, inStates, work);
            return;
        }

        FlowState whenTrue = state.Clone();
        Guards.Refine(this, whenTrue, block.BranchValue, true);
        FlowState whenFalse = state;
        Guards.Refine(this, whenFalse, block.BranchValue, false);
        bool conditionalOnTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        Propagate(block.ConditionalSuccessor, conditionalOnTrue ? whenTrue : whenFalse, inStates, work);
        Propagate(block.FallThroughSuccessor, conditionalOnTrue ? whenFalse : whenTrue, inStates, work);
    }

    /// <summary>
    /// For a bool method, what this return proves about the parameters when the method returns true or false: what
    /// checks on the path to here established, plus what the returned expression proves (read from the source, since the
    /// graph splits <c>a || b</c> into branches).
    /// </summary>
    private void RecordPredicate(IOperation returned, Value value)
    {
        if (_summary is null || !IsMethodBody || _method is not { ReturnType.SpecialType: SpecialType.System_Boolean } method)
        {
            return;
        }

        IOperation expression = _analysis.ModelFor(returned.Syntax.SyntaxTree).GetOperation(returned.Syntax) ?? returned;
        foreach (bool sense in new[] { true, false })
        {
            if (value.Constant is bool constant && constant != sense)
            {
                continue;
            }

            var facts = new Dictionary<StateKey, Safe>();
            if (value.Constant is not bool)
            {
                Guards.Collect(new FlowGuardContext(this), expression, sense, facts);
            }

            Guards.ExpandAliases(_state, this, facts);
            var byOrdinal = new Dictionary<int, Safe>();
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                var key = new StateKey(parameter);
                Safe safe = (_state.Get(key)?.Taint.Safe ?? Safe.None) | (facts.TryGetValue(key, out Safe proven) ? proven : Safe.None);
                if (safe != Safe.None && safe != Safe.All)
                {
                    byOrdinal[parameter.Ordinal] = safe;
                }
            }

            if (sense)
            {
                _summary.WhenTrue = MethodSummary.Meet(_summary.WhenTrue, byOrdinal);
            }
            else
            {
                _summary.WhenFalse = MethodSummary.Meet(_summary.WhenFalse, byOrdinal);
            }
        }
    }

    private static void Propagate(ControlFlowBranch? branch, FlowState state, FlowState?[] inStates, SortedSet<int> work)
    {
        if (branch?.Destination is not { } destination)
        {
            return;
        }

        FlowState? existing = inStates[destination.Ordinal];
        if (existing is null)
        {
            inStates[destination.Ordinal] = state.Clone();
            work.Add(destination.Ordinal);
        }
        else if (existing.JoinWith(state))
        {
            work.Add(destination.Ordinal);
        }
    }

    /// <summary>
    /// Exceptions are not edges in Roslyn's graph: a catch or finally block starts with the join of every state in its
    /// try block. True when a handler got a state for the first time.
    /// </summary>
    private static bool SeedHandlers(ImmutableArray<BasicBlock> blocks, FlowState?[] inStates, SortedSet<int> work)
    {
        bool seeded = false;
        foreach (BasicBlock block in blocks)
        {
            if (inStates[block.Ordinal] is not null)
            {
                continue;
            }

            ControlFlowRegion? region = block.EnclosingRegion;
            while (region is not null && region.FirstBlockOrdinal == block.Ordinal
                   && region.Kind is not (ControlFlowRegionKind.Catch or ControlFlowRegionKind.Finally or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Filter))
            {
                region = region.EnclosingRegion;
            }

            if (region is null || region.FirstBlockOrdinal != block.Ordinal)
            {
                continue;
            }

            ControlFlowRegion? owner = region.EnclosingRegion;
            while (owner is not null && owner.Kind is not (ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally))
            {
                owner = owner.EnclosingRegion;
            }

            if (owner is null || owner.NestedRegions.Length == 0)
            {
                continue;
            }

            ControlFlowRegion tryRegion = owner.NestedRegions[0];
            FlowState? joined = null;
            for (int i = tryRegion.FirstBlockOrdinal; i <= tryRegion.LastBlockOrdinal; i++)
            {
                if (inStates[i] is { } s)
                {
                    if (joined is null)
                    {
                        joined = s.Clone();
                    }
                    else
                    {
                        joined.JoinWith(s);
                    }
                }
            }

            if (joined is not null)
            {
                inStates[block.Ordinal] = joined;
                work.Add(block.Ordinal);
                seeded = true;
            }
        }

        return seeded;
    }

    /// <summary>Reports the sink when the value carries one of its origins unchecked, or records it for callers when a parameter does.</summary>
    public void Check(Sink sink, Value value, Location location, params string?[] arguments)
    {
        Taint taint = value.Taint;
        FlowAnalysis.Trace?.Invoke($"check {sink.Rule.Id} origin={taint.Origin} safe={taint.Safe} params={taint.Parameters} at {location.GetLineSpan().StartLinePosition.Line + 1}");
        if (taint.Reaches(sink.Origins, sink.Needed))
        {
            Report(sink.Rule, location, Fill(arguments, value.Label));
        }

        if (_summary is not null && taint.ReachesThroughParameters(sink.Needed))
        {
            for (int i = 0; i < 64; i++)
            {
                if ((taint.Parameters & (1UL << i)) != 0)
                {
                    _summary.AddHit(new ParameterHit(i, sink, location, taint.Safe, arguments));
                }
            }
        }
    }

    public void Report(DiagnosticDescriptor rule, Location location, params object?[] arguments) => _analysis.Report(rule, location, arguments);

    private static object?[] Fill(string?[] arguments, string? label)
    {
        var filled = new object?[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            filled[i] = arguments[i] ?? label ?? "a request value";
        }

        return filled;
    }

    /// <summary>The operation a flow capture stands for (the graph captures receivers and arguments evaluated early).</summary>
    public IOperation Original(IOperation operation)
    {
        for (int guard = 0; guard < 8 && Guards.Unwrap(operation) is IFlowCaptureReferenceOperation reference; guard++)
        {
            IOperation? found = null;
            for (BodyFlow? flow = this; flow is not null && found is null; flow = flow._parent)
            {
                flow._captures.TryGetValue(reference.Id, out found);
            }

            if (found is null)
            {
                break;
            }

            operation = found;
        }

        return operation;
    }

    /// <summary>The value of a location in the current state (parameters and fields fall back to their start value).</summary>
    public Value ValueOf(StateKey key)
    {
        if (_state.TryGet(key, out Value value))
        {
            return value;
        }

        return key.Member is null && key.Symbol is IFieldSymbol or IPropertySymbol ? _analysis.FieldValue(key.Symbol) : Value.Clean;
    }
}
