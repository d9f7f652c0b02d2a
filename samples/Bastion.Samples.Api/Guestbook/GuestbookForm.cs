using System.ComponentModel.DataAnnotations;

namespace Bastion.Samples.Api.Guestbook;

/// <summary>
/// What the guestbook's HTML form posts (<c>application/x-www-form-urlencoded</c>). Bound field by field by Bastion's
/// generated code (field names: content, signature, rating), then sanitized and validated exactly like a JSON body.
/// </summary>
public sealed record GuestbookForm(
    [Required, StringLength(2000), Sanitize] string Content,
    [Sanitize(HtmlPolicy.BasicFormatting), StringLength(500)] string? Signature,
    [Range(1, 5)] int? Rating);
