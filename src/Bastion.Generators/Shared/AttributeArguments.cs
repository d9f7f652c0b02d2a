using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Shared;

/// <summary>Reading named arguments of an attribute as written in source.</summary>
internal static class AttributeArguments
{
    /// <summary>The named argument <paramref name="name"/> when it holds a <typeparamref name="T"/>, else <paramref name="fallback"/>.</summary>
    public static T Named<T>(AttributeData attribute, string name, T fallback)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is T value)
            {
                return value;
            }
        }

        return fallback;
    }
}
