namespace Bastion.Generators.Endpoints;

/// <summary>Where a handler parameter's value comes from.</summary>
internal enum ParameterSource
{
    Route,
    Query,
    Header,
    Body,
    Service,
    HttpContext,
    HttpRequest,
    HttpResponse,
    CancellationToken,
    User,
}
