// family: xss
// verdict: safe
// why: The query value is stored in a plain string property, which Razor encodes when the view prints it; no raw HTML type is involved.
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Xss.S25;

public sealed class IndexModel : PageModel
{
    public string? SavedItem { get; private set; }

    public string Greeting { get; private set; } = "";

    public void OnGet(string? saved, string? name)
    {
        SavedItem = string.IsNullOrEmpty(saved) ? null : saved.Trim();
        Greeting = $"Hello {name ?? "there"}, welcome back.";
    }
}
