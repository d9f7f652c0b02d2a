namespace Bastion.Generators.Validation;

/// <summary>
/// One check. <see cref="Minimum"/> and <see cref="Maximum"/> are C# literals already formatted for the
/// member type ("5", "0.5m"); <see cref="Pattern"/> and <see cref="TimeoutMilliseconds"/> are for regexes;
/// <see cref="Message"/> is the fixed error text (never the input); <see cref="ValueCast"/> is the type
/// a [Range] compares in when it differs from the member's.
/// </summary>
internal sealed record ValidationRuleModel(
    RuleKind Kind,
    string Message,
    string? Minimum = null,
    string? Maximum = null,
    bool MinimumExclusive = false,
    bool MaximumExclusive = false,
    bool AllowEmptyStrings = false,
    string? Pattern = null,
    int TimeoutMilliseconds = 0,
    string? ValueCast = null);
