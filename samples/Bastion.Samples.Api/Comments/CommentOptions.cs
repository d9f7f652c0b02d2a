using System.ComponentModel.DataAnnotations;

namespace Bastion.Samples.Api.Comments;

/// <summary>
/// <c>Comments</c> settings, bound by Bastion's generated code (no reflection, so NativeAOT-safe) and checked when
/// the app starts: a <c>MaxPageSize</c> of 0 or 5000 stops it with the key named.
/// </summary>
[BastionOptions("Comments")]
public sealed partial class CommentOptions
{
    /// <summary>The most comments one list request returns.</summary>
    [Range(1, 500)]
    public int MaxPageSize { get; set; } = 100;
}
