// family: process
// verdict: safe
// why: The bound package name must fully match the Debian package-name pattern (lower-case start, no spaces or shell characters) and is passed in ArgumentList after `--`.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Processes.S21;

public sealed class PackageInfoModel : PageModel
{
    private static readonly Regex PackageName = new(@"\A[a-z0-9][a-z0-9+.-]{1,100}\z");

    [BindProperty(SupportsGet = true)]
    public string Package { get; set; } = "";

    public string Details { get; private set; } = "";

    public void OnGet()
    {
        if (!PackageName.IsMatch(Package))
        {
            return;
        }

        var psi = new ProcessStartInfo("/usr/bin/apt-cache") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("show");
        psi.ArgumentList.Add("--");
        psi.ArgumentList.Add(Package);
        using var process = Process.Start(psi)!;
        Details = process.StandardOutput.ReadToEnd();
    }
}
