using Bastion.Generators.Shared;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// One handler method and how to call it. <see cref="AttributeText"/> is the attribute as written (raw,
/// escaped only where it is emitted); <see cref="HandlerName"/> is the generated delegate's name,
/// unique within the class even when handler methods are overloaded. <see cref="CsrfMode"/> is the pinned mode's
/// name ("Origin", "Hybrid", "Token") or null when a [CsrfProtected] endpoint follows <c>Bastion:Csrf:Mode</c>.
/// <see cref="FormLimits"/> is set when the endpoint reads a form. <see cref="Authorization"/> is the manifest's summary of
/// the endpoint's ASP.NET Core authorization attributes (null: none).
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
    string? CsrfMode = null,
    string? CorsPolicy = null,
    EquatableArray<Browser.HeaderValueModel> ResponseHeaders = default,
    bool RequireApiKey = false,
    EquatableArray<string> MetadataAttributes = default,
    bool HandlerOverloaded = false,
    FormLimitsModel? FormLimits = null,
    string? Authorization = null)
{
    /// <summary>"POST /api/comments": how the endpoint is named in messages and the manifest.</summary>
    public string DisplayName => Verb + " " + Route;

    /// <summary>True when a parameter is read from the form body.</summary>
    public bool ReadsForm => FormLimits is not null;
}

/// <summary>What an endpoint's CSRF attributes decide.</summary>
internal readonly record struct CsrfDecision(bool Protected, string? Mode, string? ExemptReason, int? UnknownMode)
{
    /// <summary>True when the endpoint is pinned to a mode that needs antiforgery tokens.</summary>
    public static bool NeedsTokens(string? mode) => mode is "Hybrid" or "Token";
}
