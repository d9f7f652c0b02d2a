using System;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Bastion.Endpoints;

/// <summary>
/// Describes one bound handler parameter to ASP.NET Core's API explorer (and so to OpenAPI), the same
/// metadata the framework's own request delegate generator attaches.
/// </summary>
public sealed class BastionParameterBindingMetadata : IParameterBindingMetadata
{
    /// <summary>Creates the metadata for <paramref name="parameterInfo"/> bound under <paramref name="name"/>.</summary>
    public BastionParameterBindingMetadata(string name, ParameterInfo parameterInfo, bool hasTryParse, bool isOptional)
    {
        ArgumentNullException.ThrowIfNull(parameterInfo);
        Name = name;
        ParameterInfo = parameterInfo;
        HasTryParse = hasTryParse;
        IsOptional = isOptional;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool HasTryParse { get; }

    /// <inheritdoc />
    public bool HasBindAsync => false;

    /// <inheritdoc />
    public ParameterInfo ParameterInfo { get; }

    /// <inheritdoc />
    public bool IsOptional { get; }
}
