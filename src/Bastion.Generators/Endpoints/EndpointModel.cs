using Bastion.Generators.Shared;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// One handler method and how to call it. <see cref="AttributeText"/> is the attribute as written (raw,
/// escaped only where it is emitted); <see cref="HandlerName"/> is the generated delegate's name,
/// unique within the class even when handler methods are overloaded.
/// </summary>
internal sealed record EndpointModel(
    string MethodName,
    string Verb,
    string Route,
    string? EndpointName,
    long MaxBodyBytes,
    EquatableArray<EndpointParameterModel> Parameters,
    ReturnModel Return,
    string AttributeText,
    string HandlerName,
    LocationInfo? Location,
    bool CsrfProtected = false,
    string? CsrfExemptReason = null,
    string? CorsPolicy = null,
    EquatableArray<Browser.HeaderValueModel> ResponseHeaders = default,
    bool RequireApiKey = false,
    EquatableArray<string> MetadataAttributes = default)
{
    /// <summary>"POST /api/comments": how the endpoint is named in messages and the manifest.</summary>
    public string DisplayName => Verb + " " + Route;
}
