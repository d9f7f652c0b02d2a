using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Csrf;
using Bastion.Samples.Api.Comments;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Bastion.Samples.Api.Guestbook;

/// <summary>
/// A server-rendered page with a plain HTML form (no script): GET renders the latest comments and the form, the form
/// posts to a [FromForm] [CsrfProtected] endpoint, which stores a comment and redirects back (post/redirect/get).
/// </summary>
[BastionEndpoints]
public static partial class GuestbookEndpoints
{
    [Get("/guestbook")]
    public static async Task<ContentHttpResult> Page(HttpContext context, DbConnection db, CancellationToken ct)
    {
        // In the token modes the form carries the antiforgery token; in the default Origin mode no token is needed.
        string? token = context.RequestServices.GetService<CsrfTokens>()?.IssueToken(context);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(GuestbookPage.Render(await CommentStore.ListAsync(db, CommentOrder.Newest, 20, ct), token), "text/html; charset=utf-8");
    }

    [Post("/guestbook/sign", MaxRequestBodySize = 16 * 1024), CsrfProtected, FormLimits(MaxFields = 8, MaxValueLength = 2000)]
    public static async Task<RedirectHttpResult> Sign([FromForm] GuestbookForm entry, DbConnection db, CancellationToken ct)
    {
        await CommentStore.InsertAsync(db, new CreateComment(entry.Content, entry.Signature, null, null, entry.Rating), ct);
        return TypedResults.Redirect("/guestbook");
    }
}
