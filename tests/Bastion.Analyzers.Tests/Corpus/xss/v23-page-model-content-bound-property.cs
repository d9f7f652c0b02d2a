// family: xss
// verdict: vulnerable
// sink-line: 18
// why: The Razor Page handler returns Content(..., "text/html") built from a [BindProperty(SupportsGet = true)] value, bypassing Razor's encoding.
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Xss.V23;

public sealed class ShareModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Title { get; set; } = "";

    public IActionResult OnGetSnippet()
    {
        string snippet = "<meta property=\"og:title\" content=\"" + Title + "\">";
        return Content(snippet, "text/html");
    }
}
