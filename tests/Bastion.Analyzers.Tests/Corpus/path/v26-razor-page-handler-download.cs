// family: path
// verdict: vulnerable
// sink-line: 18
// why: The Razor Page handler's `name` argument is bound from the query string and combined with the statements folder for PhysicalFile.
using System.IO;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Paths.V26;

public sealed class StatementsModel : PageModel
{
    private const string Folder = "/srv/statements";

    public IActionResult OnGetDownload(string name)
    {
        string path = Path.Combine(Folder, name);
        return PhysicalFile(path, "application/pdf", "statement.pdf");
    }
}
