using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bastion.Generators.Tests;

/// <summary>
/// Models must be plain data: a symbol, syntax node, compilation or semantic model kept past the
/// transform would pin old compilations in memory and defeat caching.
/// </summary>
public sealed class ModelShapeTests
{
    private static readonly Type[] Banned = [typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree), typeof(Location)];

    [Fact]
    public void No_model_type_declares_a_roslyn_object_member()
    {
        Type[] models = typeof(BastionGenerator).Assembly.GetTypes()
            .Where(t => t.Namespace is not null && t.Namespace.StartsWith("Bastion.Generators", StringComparison.Ordinal)
                        && (t.Name.EndsWith("Model", StringComparison.Ordinal) || t.Name.EndsWith("Info", StringComparison.Ordinal) || t.Name.EndsWith("Result", StringComparison.Ordinal) || t.Name == "ManifestRow"))
            .ToArray();
        Assert.NotEmpty(models);
        foreach (Type model in models)
        {
            foreach (FieldInfo field in model.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Assert.False(IsBanned(field.FieldType), $"{model.Name}.{field.Name} is a {field.FieldType.Name}");
            }
        }
    }

    [Fact]
    public void No_pipeline_output_holds_a_roslyn_object_at_any_depth()
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.Validation, Scenarios.Binding.Replace("namespace Shop;", "namespace Shop2;", StringComparison.Ordinal));
        GeneratorRunResult result = run.Result.Results.Single();
        int visited = 0;
        foreach (KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> step in result.TrackedSteps.Where(s => s.Key.StartsWith("Bastion.", StringComparison.Ordinal)))
        {
            foreach ((object value, IncrementalStepRunReason _) in step.Value.SelectMany(s => s.Outputs))
            {
                Walk(value, step.Key, new HashSet<object>(ReferenceEqualityComparer.Instance), ref visited);
            }
        }

        Assert.True(visited > 50, $"only {visited} objects walked; the test is not looking at the models");
    }

    private static void Walk(object? value, string path, HashSet<object> seen, ref int visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        visited++;
        Type type = value.GetType();
        Assert.False(IsBanned(type), $"{path} holds a {type.FullName}");
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                Walk(item, $"{path}[{i++}]", seen, ref visited);
            }

            return;
        }

        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            return; // TextSpan, LinePositionSpan, DiagnosticDescriptor: immutable values, allowed.
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, seen, ref visited);
        }
    }

    private static bool IsBanned(Type type)
        => Banned.Any(b => b.IsAssignableFrom(type))
           || (type.IsGenericType && type.GetGenericArguments().Any(IsBanned))
           || (type.IsArray && IsBanned(type.GetElementType()!));
}
