using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

internal sealed partial class FlowAnalysis
{
    /// <summary>A member body of the compilation: a method, accessor, constructor, initializer or the top-level statements.</summary>
    private sealed class Body
    {
        private readonly SyntaxNode _node;
        private readonly SemanticModel _model;
        private ControlFlowGraph? _graph;
        private bool _built;

        public Body(SyntaxNode node, SemanticModel model, IMethodSymbol? method)
        {
            _node = node;
            _model = model;
            Method = method;
        }

        public IMethodSymbol? Method { get; }

        public ControlFlowGraph? Graph()
        {
            if (_built)
            {
                return _graph;
            }

            _built = true;
            IOperation? operation = _model.GetOperation(_node);
            if (operation is IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation or IPropertyInitializerOperation
                || operation is IBlockOperation { Parent: null })
            {
                _graph = operation switch
                {
                    IMethodBodyOperation m => ControlFlowGraph.Create(m),
                    IConstructorBodyOperation c => ControlFlowGraph.Create(c),
                    IFieldInitializerOperation f => ControlFlowGraph.Create(f),
                    IPropertyInitializerOperation p => ControlFlowGraph.Create(p),
                    _ => ControlFlowGraph.Create((IBlockOperation)operation),
                };
            }

            return _graph;
        }
    }

    public SemanticModel ModelFor(SyntaxTree tree)
    {
        lock (_models)
        {
            if (!_models.TryGetValue(tree, out SemanticModel? model))
            {
#pragma warning disable RS1030 // The analysis reads every tree once per compilation (and callee bodies in other trees), not per node; the driver's cached models are returned.
                model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                _models[tree] = model;
            }

            return model;
        }
    }

    /// <summary>The body of a method of this compilation (for rules that read a delegate's code), or null.</summary>
    public IOperation? BodyOf(IMethodSymbol method)
    {
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax();
            if (ModelFor(node.SyntaxTree).GetOperation(node) is IMethodBodyOperation body)
            {
                return (IOperation?)body.BlockBody ?? body.ExpressionBody;
            }
        }

        return null;
    }

    private void Collect(CancellationToken cancellationToken)
    {
        // A run cancelled half-way is started again from scratch.
        _members.Clear();
        _bodies.Clear();
        _mappedMethodGroups.Clear();
        _fieldValues = new Dictionary<ISymbol, Value>(SymbolEqualityComparer.Default);
        foreach (SyntaxTree tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SemanticModel model = ModelFor(tree);
            SyntaxNode root = tree.GetRoot(cancellationToken);
            if (root is CompilationUnitSyntax unit && HasGlobalStatements(unit))
            {
                _members.Add(new Body(unit, model, null));
            }

            foreach (SyntaxNode node in root.DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or AttributeListSyntax)))
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null }:
                        Add(node, model, model.GetDeclaredSymbol(node, cancellationToken) as IMethodSymbol);
                        break;
                    case AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null }:
                        Add(node, model, model.GetDeclaredSymbol(node, cancellationToken) as IMethodSymbol);
                        break;
                    case PropertyDeclarationSyntax { ExpressionBody: { } arrow } property:
                        Add(arrow, model, (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod);
                        break;
                    case PropertyDeclarationSyntax { Initializer: { } initializer }:
                        _members.Add(new Body(initializer, model, null));
                        break;
                    case VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: FieldDeclarationSyntax }:
                        _members.Add(new Body(initializer, model, null));
                        break;
                }
            }

            foreach (SyntaxNode node in root.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax invocation)
                {
                    MappedMethodGroups(invocation, model, cancellationToken);
                }
            }
        }
    }

    private void Add(SyntaxNode node, SemanticModel model, IMethodSymbol? method)
    {
        var body = new Body(node, model, method);
        if (method is not null)
        {
            _bodies[method.OriginalDefinition] = body;
        }

        _members.Add(body);
    }

    private static bool HasGlobalStatements(CompilationUnitSyntax unit)
    {
        foreach (MemberDeclarationSyntax member in unit.Members)
        {
            if (member is GlobalStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>app.MapGet("/x", Handlers.Get)</c>: Handlers.Get is a request handler.</summary>
    private void MappedMethodGroups(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        string? name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is null || !name.StartsWith("Map", System.StringComparison.Ordinal))
        {
            return;
        }

        foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or GenericNameSyntax)
            {
                SymbolInfo info = model.GetSymbolInfo(argument.Expression, cancellationToken);
                if (info.Symbol is IMethodSymbol method)
                {
                    _mappedMethodGroups.Add(method.OriginalDefinition);
                }

                foreach (ISymbol candidate in info.CandidateSymbols)
                {
                    if (candidate is IMethodSymbol m)
                    {
                        _mappedMethodGroups.Add(m.OriginalDefinition);
                    }
                }
            }
        }
    }
}
