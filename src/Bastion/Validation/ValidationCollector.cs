using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Bastion.Validation;

/// <summary>
/// Collects validation errors keyed by JSON path (<c>tags[2].name</c>) while generated validators walk
/// a request. It lives on the stack and is passed by reference: on valid input it allocates nothing;
/// the path text and the error map are built only when an error is added.
/// </summary>
public struct ValidationCollector
{
    /// <summary>Deepest nesting walked; deeper input is reported as an error rather than recursed into.</summary>
    public const int MaxDepth = 32;

    // Paths up to this depth live inline (cheap to create); deeper ones spill to an array.
    private const int InlineDepth = 8;

    private PathBuffer _path;
    private PathSegment[]? _spill;
    private int _depth;
    private Dictionary<string, List<string>>? _errors;

    /// <summary>True once any error was added.</summary>
    public readonly bool HasErrors => _errors is not null;

    /// <summary>
    /// The resolvers for <c>[SafePath]</c> members of the request, built once when the endpoint was mapped and
    /// handed to the generated checks (indexed by the generated code).
    /// </summary>
    public Paths.SafePathResolver[]? PathResolvers { readonly get; set; }

    /// <summary>
    /// Write paths as configuration keys (<c>Payments:Hosts:2:Name</c>) instead of JSON paths; used when
    /// validating options bound from configuration, so every error names the key to fix.
    /// </summary>
    public bool ConfigurationPaths { readonly get; set; }

    /// <summary>Number of distinct paths with errors.</summary>
    public readonly int Count => _errors?.Count ?? 0;

    /// <summary>
    /// Steps into member <paramref name="jsonName"/>. Returns false (and records an error) when the
    /// input is nested deeper than <see cref="MaxDepth"/>; the caller then skips the member.
    /// </summary>
    public bool Enter(string jsonName) => Push(new PathSegment(jsonName, -1));

    /// <summary>Steps into element <paramref name="index"/> of the current collection.</summary>
    public bool EnterIndex(int index) => Push(new PathSegment(null, index));

    /// <summary>Steps back out of the last <see cref="Enter"/> or <see cref="EnterIndex"/>.</summary>
    public void Exit()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("Exit without a matching Enter.");
        }

        _depth--;
        Set(_depth, default);
    }

    /// <summary>Adds <paramref name="message"/> for member <paramref name="jsonName"/> of the current path (or the current path itself when null).</summary>
    public void Add(string? jsonName, string message)
    {
        string key = BuildPath(jsonName);
        _errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!_errors.TryGetValue(key, out List<string>? messages))
        {
            messages = new List<string>(1);
            _errors.Add(key, messages);
        }

        messages.Add(message);
    }

    /// <summary>The collected errors in the shape of <c>HttpValidationProblemDetails.Errors</c>.</summary>
    public readonly Dictionary<string, string[]> ToDictionary()
    {
        var result = new Dictionary<string, string[]>(_errors?.Count ?? 0, StringComparer.Ordinal);
        if (_errors is not null)
        {
            foreach (KeyValuePair<string, List<string>> pair in _errors)
            {
                result.Add(pair.Key, pair.Value.ToArray());
            }
        }

        return result;
    }

    private bool Push(PathSegment segment)
    {
        if (_depth >= MaxDepth)
        {
            Add(null, "The value is nested too deeply.");
            return false;
        }

        Set(_depth, segment);
        _depth++;
        return true;
    }

    private void Set(int index, PathSegment segment)
    {
        if (index < InlineDepth)
        {
            _path[index] = segment;
            return;
        }

        _spill ??= new PathSegment[MaxDepth - InlineDepth];
        _spill[index - InlineDepth] = segment;
    }

    private readonly PathSegment Get(int index) => index < InlineDepth ? _path[index] : _spill![index - InlineDepth];

    private readonly string BuildPath(string? jsonName)
    {
        if (_depth == 0)
        {
            return jsonName ?? string.Empty;
        }

        var builder = new StringBuilder();
        for (int i = 0; i < _depth; i++)
        {
            AppendSegment(builder, Get(i), ConfigurationPaths);
        }

        if (jsonName is not null)
        {
            AppendSegment(builder, new PathSegment(jsonName, -1), ConfigurationPaths);
        }

        return builder.ToString();
    }

    private static void AppendSegment(StringBuilder builder, PathSegment segment, bool configuration)
    {
        if (configuration)
        {
            if (builder.Length > 0)
            {
                builder.Append(':');
            }

            builder.Append(segment.Name ?? segment.Index.ToString(CultureInfo.InvariantCulture));
            return;
        }

        if (segment.Name is null)
        {
            builder.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append('.');
        }

        builder.Append(segment.Name);
    }

    private readonly record struct PathSegment(string? Name, int Index);

    [InlineArray(InlineDepth)]
    private struct PathBuffer
    {
        private PathSegment _element;
    }
}
