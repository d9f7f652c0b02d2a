namespace Bastion.Generators.Endpoints;

/// <summary>The values of a [FormLimits] attribute (0: the default).</summary>
internal sealed record FormLimitsModel(int MaxFields, int MaxValueLength, long MaxFileBytes);
