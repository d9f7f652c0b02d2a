namespace Bastion.Generators.Endpoints;

/// <summary>How a route, query, header or form string becomes the parameter's type.</summary>
internal enum ValueParseKind
{
    None,
    String,
    Parsable,
    Enum,
    Boolean,

    /// <summary>A <c>SafeFilePath</c> produced by the parameter's <c>SafePathResolver</c>.</summary>
    SafePath,

    /// <summary>An uploaded file (<c>IFormFile</c> or <c>SafeFormFile</c>) whose name the parameter's resolver checked.</summary>
    FormFile,
}
