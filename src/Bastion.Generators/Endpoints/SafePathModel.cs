using System.Linq;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Endpoints;

/// <summary>The options of one [SafePath] attribute.</summary>
internal sealed record SafePathModel(string Root, bool AllowSubdirectories, EquatableArray<string> AllowedExtensions, bool MustExist)
{
    /// <summary>Reads the attribute; null when Root is missing or blank.</summary>
    public static SafePathModel? From(AttributeData attribute)
    {
        string root = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Root").Value.Value as string ?? string.Empty;
        if (root.Trim().Length == 0)
        {
            return null;
        }

        bool allowSubdirectories = attribute.NamedArguments.FirstOrDefault(a => a.Key == "AllowSubdirectories").Value.Value as bool? ?? true;
        bool mustExist = attribute.NamedArguments.FirstOrDefault(a => a.Key == "MustExist").Value.Value as bool? ?? false;
        TypedConstant extensions = attribute.NamedArguments.FirstOrDefault(a => a.Key == "AllowedExtensions").Value;
        EquatableArray<string> allowed = extensions.Kind == TypedConstantKind.Array
            ? extensions.Values.Select(v => v.Value as string ?? string.Empty).ToEquatableArray()
            : EquatableArray<string>.Empty;
        return new SafePathModel(root, allowSubdirectories, allowed, mustExist);
    }
}

/// <summary>A [SafePath] member of a request record: its resolver is built at map time, at this index.</summary>
internal sealed record SafePathMemberModel(string Display, SafePathModel Guard);
