namespace Bastion.Generators.Endpoints;

/// <summary>How a route, query or header string becomes the parameter's type.</summary>
internal enum ValueParseKind
{
    None,
    String,
    Parsable,
    Enum,
    Boolean,
}
