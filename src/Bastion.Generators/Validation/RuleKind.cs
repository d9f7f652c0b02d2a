namespace Bastion.Generators.Validation;

/// <summary>The DataAnnotations checks Bastion turns into direct code.</summary>
internal enum RuleKind
{
    Required,
    MaxLength,
    MinLength,
    StringLength,
    Range,
    RegularExpression,
    EmailAddress,
    Url,
}
