// family: process
// verdict: vulnerable
// sink-line: 25
// why: A Razor Page's bound Package property is concatenated into an apt-cache command run through sh -c.
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Processes.V26;

public sealed class PackageInfoModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Package { get; set; } = "";

    public string Details { get; private set; } = "";

    public void OnGet()
    {
        if (Package.Length == 0)
        {
            return;
        }

        var psi = new ProcessStartInfo("/bin/sh", "-c 'apt-cache show " + Package + "'") { RedirectStandardOutput = true };
        using var process = Process.Start(psi)!;
        Details = process.StandardOutput.ReadToEnd();
    }
}
