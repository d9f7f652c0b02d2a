using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace Bastion.Samples.Api.Comments;

/// <summary>
/// A new comment. Content is stored as HTML-safe text; the signature may keep basic formatting.
/// Lengths use [StringLength]: [MaxLength]/[MinLength] carry a trimming warning under NativeAOT because
/// their own runtime check reflects (Bastion never runs it, but the trim analyzer cannot know that).
/// </summary>
public sealed record CreateComment(
    [Required, StringLength(2000), Sanitize] string Content,
    [Sanitize(HtmlPolicy.BasicFormatting), StringLength(500)] string? Signature,
    Author? Author,
    IReadOnlyList<Tag>? Tags,
    [Range(1, 5)] int? Rating);

/// <summary>Who wrote the comment. The display name refuses markup outright.</summary>
public sealed record Author(
    [Required, StringLength(80, MinimumLength = 2), Sanitize(HtmlPolicy.Reject)] string Name,
    [EmailAddress] string? Email,
    [Url] string? Website);

/// <summary>A tag: lower-case letters, digits and dashes.</summary>
public sealed record Tag([Required, RegularExpression("^[a-z0-9-]{1,30}$")] string Name);
