namespace Bastion.Generators.Validation;

/// <summary>[Sanitize] on a member: policy name (Text, BasicFormatting, Reject) and the input cap.</summary>
internal sealed record SanitizeModel(string Policy, int MaxInputLength);
