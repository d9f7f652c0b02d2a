using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Bastion.Samples.Api.Comments;

namespace Bastion.Samples.Api.Guestbook;

/// <summary>
/// Renders the guestbook page. Content and signatures are stored sanitized ([Sanitize]: text encoded, signatures reduced
/// to basic formatting), so they are written as the HTML fragments they are; everything else is encoded here.
/// </summary>
public static class GuestbookPage
{
    public static string Render(IReadOnlyList<CommentView> comments, string? csrfToken)
    {
        HtmlEncoder encoder = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Bastion guestbook</title><link rel="stylesheet" href="/site.css"></head>
            <body>
            <main>
            <h1>Guestbook</h1>
            <form id="sign" method="post" action="/guestbook/sign">

            """);
        if (csrfToken is not null)
        {
            html.Append("<input type=\"hidden\" name=\"__bastion_csrf\" value=\"").Append(encoder.Encode(csrfToken)).Append("\">\n");
        }

        html.Append("""
            <label>Comment <textarea name="content" required maxlength="2000"></textarea></label>
            <label>Signature <input name="signature" maxlength="500"></label>
            <label>Rating <input name="rating" type="number" min="1" max="5"></label>
            <button type="submit">Sign</button>
            </form>
            <ol id="entries">

            """);
        foreach (CommentView comment in comments)
        {
            html.Append("<li data-id=\"").Append(comment.Id.ToString(CultureInfo.InvariantCulture)).Append("\"><p class=\"content\">")
                .Append(comment.Content).Append("</p>");
            if (comment.Signature is not null)
            {
                html.Append("<p class=\"signature\">— ").Append(comment.Signature).Append("</p>");
            }

            if (comment.Rating is int rating)
            {
                html.Append("<p class=\"rating\">").Append(encoder.Encode(rating.ToString(CultureInfo.InvariantCulture))).Append(" / 5</p>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
