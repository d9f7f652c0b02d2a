namespace Bastion.Generators.Shared;

/// <summary>The version stamped into [GeneratedCode] attributes; fixed text so output stays deterministic.</summary>
internal static class GeneratorVersion
{
    public const string Value = "0.1.0";
}
