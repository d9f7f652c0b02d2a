using Bastion.Generators.Shared;

namespace Bastion.Generators.Endpoints;

/// <summary>One handler method and how to call it.</summary>
internal sealed record EndpointModel(
    string MethodName,
    string Verb,
    string Route,
    string? EndpointName,
    long MaxBodyBytes,
    EquatableArray<EndpointParameterModel> Parameters,
    ReturnModel Return,
    string AttributeText,
    LocationInfo? Location)
{
    /// <summary>"POST /api/comments": how the endpoint is named in messages and the manifest.</summary>
    public string DisplayName => Verb + " " + Route;
}
