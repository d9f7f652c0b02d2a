namespace Bastion.Generators.Endpoints;

/// <summary>How a route, query or header string becomes the parameter's type.</summary>
internal enum ValueParseKind
{
    None,
    String,
    Parsable,
    Enum,
    Boolean,

    /// <summary>A <c>SafeFilePath</c> produced by the parameter's <c>SafePathResolver</c>.</summary>
    SafePath,
}
