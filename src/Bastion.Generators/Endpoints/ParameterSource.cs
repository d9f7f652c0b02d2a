namespace Bastion.Generators.Endpoints;

/// <summary>Where a handler parameter's value comes from.</summary>
internal enum ParameterSource
{
    Route,
    Query,
    Header,
    Body,

    /// <summary>A field of the form body (a value, a path, or a [FromForm] record bound field by field).</summary>
    Form,

    /// <summary>An uploaded file of a multipart form body, its name checked by [SafePath].</summary>
    FormFile,
    Service,
    HttpContext,
    HttpRequest,
    HttpResponse,
    CancellationToken,
    User,
}
