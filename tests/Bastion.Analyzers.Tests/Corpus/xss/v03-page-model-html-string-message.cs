// family: xss
// verdict: vulnerable
// sink-line: 18
// why: The query value is wrapped in an HtmlString, which Razor writes without encoding, so the flash message renders the attacker's markup.
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Xss.V03;

public sealed class IndexModel : PageModel
{
    public IHtmlContent? Flash { get; private set; }

    public void OnGet(string? saved)
    {
        if (!string.IsNullOrEmpty(saved))
        {
            Flash = new HtmlString("<div class=\"flash\">Saved <strong>" + saved + "</strong></div>");
        }
    }
}
