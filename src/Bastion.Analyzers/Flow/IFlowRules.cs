using Microsoft.CodeAnalysis;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// A rule family on top of the engine: it sees every call, object creation, property assignment and return with the
/// abstract values involved, and reports through <see cref="BodyFlow.Check"/> (taint) or <see cref="BodyFlow.Report"/>.
/// </summary>
internal interface IFlowRules
{
    void OnCall(CallSite site);

    void OnPropertySet(BodyFlow flow, IPropertySymbol property, StateKey? instance, Value value, IOperation assignment);

    void OnReturn(BodyFlow flow, IOperation returned, Value value);
}

/// <summary>A call or object creation with its evaluated receiver and arguments (by parameter ordinal).</summary>
internal sealed class CallSite
{
    public CallSite(BodyFlow flow, IOperation operation, IMethodSymbol method, string typeName, Value? instance, StateKey? instanceKey,
        Value[] arguments, IOperation?[] argumentOperations, StateKey?[] argumentKeys)
    {
        Flow = flow;
        Operation = operation;
        Method = method;
        TypeName = typeName;
        Instance = instance;
        InstanceKey = instanceKey;
        Arguments = arguments;
        ArgumentOperations = argumentOperations;
        ArgumentKeys = argumentKeys;
    }

    public BodyFlow Flow { get; }

    public IOperation Operation { get; }

    public IMethodSymbol Method { get; }

    /// <summary>Full name of the method's containing type.</summary>
    public string TypeName { get; }

    public string Name => Method.MethodKind == MethodKind.Constructor ? ".ctor" : Method.Name;

    public Value? Instance { get; }

    public StateKey? InstanceKey { get; }

    public Value[] Arguments { get; }

    public IOperation?[] ArgumentOperations { get; }

    public StateKey?[] ArgumentKeys { get; }

    public bool IsCreation => Operation is Microsoft.CodeAnalysis.Operations.IObjectCreationOperation;

    /// <summary>Where a created object is stored (the capture or variable the creation is assigned to), when known.</summary>
    public StateKey? ResultKey => Flow.ResultKeyOf(Operation);

    public int Ordinal(string parameterName)
    {
        for (int i = 0; i < Method.Parameters.Length; i++)
        {
            if (Method.Parameters[i].Name == parameterName)
            {
                return i;
            }
        }

        return -1;
    }

    public Value? Argument(string parameterName)
    {
        int i = Ordinal(parameterName);
        return i >= 0 && ArgumentOperations[i] is not null ? Arguments[i] : null;
    }

    public IOperation? ArgumentOperation(string parameterName)
    {
        int i = Ordinal(parameterName);
        return i >= 0 ? ArgumentOperations[i] : null;
    }

    public Location Location => Operation.Syntax.GetLocation();

    public Location LocationOf(int ordinal) => (ArgumentOperations[ordinal] ?? Operation).Syntax.GetLocation();
}
