namespace Bastion.Generators.Validation;

/// <summary>The shape of a validated member's type.</summary>
internal enum MemberShape
{
    /// <summary>string or string?.</summary>
    Text,

    /// <summary>A number or other struct (checked by [Range], [Required] on nullable).</summary>
    Value,

    /// <summary>A nested type with its own generated method.</summary>
    Object,

    /// <summary>A collection; <see cref="ValidatedMemberModel.Element"/> describes the items.</summary>
    Collection,

    /// <summary>Any other reference type: only [Required] applies.</summary>
    Other,
}
