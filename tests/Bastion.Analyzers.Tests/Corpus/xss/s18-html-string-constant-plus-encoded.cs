// family: xss
// verdict: safe
// why: The HtmlString is built from constant markup and the query value after HtmlEncoder has encoded it.
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Xss.S18;

public sealed class IndexModel(HtmlEncoder encoder) : PageModel
{
    public IHtmlContent? Flash { get; private set; }

    public void OnGet(string? saved)
    {
        if (!string.IsNullOrEmpty(saved))
        {
            Flash = new HtmlString("<div class=\"flash\">Saved <strong>" + encoder.Encode(saved) + "</strong></div>");
        }
    }
}
