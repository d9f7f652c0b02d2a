using System;
using System.Collections.Generic;

namespace Bastion.Samples.Api.Comments;

/// <summary>A stored comment. <see cref="Content"/> and <see cref="Signature"/> are sanitized HTML fragments.</summary>
public sealed record CommentView(long Id, string Content, string? Signature, string? AuthorName, IReadOnlyList<string> Tags, int? Rating, DateTimeOffset CreatedAt);
