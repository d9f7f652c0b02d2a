using System;
using System.Collections.Generic;
using System.Linq;

namespace Bastion.Testing;

/// <summary>
/// Hostile relative paths: climbs with both separators, encoded and double-encoded forms, overlong UTF-8 and
/// fullwidth look-alikes, control and invisible characters, absolute/UNC/device forms, device names, streams,
/// trailing dots, oversize names, and names of links that the resolver tests create pointing outside the root.
/// Shared by the resolver tests and the HTTP tests of the sample's download endpoint.
/// </summary>
public static class HostilePaths
{
    public static IReadOnlyList<string> All()
    {
        var inputs = new SortedSet<string>(StringComparer.Ordinal);
        string[] climbs = ["..", "../..", "../../..", "..\\..", "..//..", "./..", "a/../..", "a/../../..", "docs/../../..", "docs\\..\\..", "./../.", "nested/deeper/../../..", ".../...", "...."];
        string[] targets = ["outside.txt", "uploads-evil/secret.txt", "etc/passwd", "uploads/../outside.txt", "windows\\win.ini"];
        foreach (string climb in climbs)
        {
            foreach (string target in targets)
            {
                inputs.Add(climb + "/" + target);
                inputs.Add(climb + "\\" + target);
            }
        }

        string[] more =
        [
            "..", "../", "..\\", "../uploads-evil/secret.txt", "..\\uploads-evil\\secret.txt", "../uploads/../uploads-evil/secret.txt",
            "%2e%2e%2foutside.txt", "%2e%2e/outside.txt", "..%2foutside.txt", "..%5coutside.txt", "%252e%252e%252foutside.txt",
            // A combining mark between '%' and its hex digits: a layer that strips marks decodes it (found by
            // SafePathPropertyTests, seed 0dntw8VFScL3).
            ".%\u20DD2e", "%\u03012e%\u03012e/outside.txt", "..%2\u0301foutside.txt", "%u\u0301002e%u002e/outside.txt",
            "%c0%ae%c0%ae/outside.txt", "%c0%af", "a%00.txt", "%2fetc%2fpasswd", "%5c%5cserver%5cshare",
            "\uFF0E\uFF0E\uFF0Foutside.txt", "\uFF0E\uFF0E/outside.txt", "..\uFF0Foutside.txt", "..\uFF3Coutside.txt", "\u2025/outside.txt",
            "\u2024\u2024/outside.txt", "..\u2215outside.txt", "..\u2044outside.txt", "\uFE52\uFE52/outside.txt", "a\u2216b",
            "a.txt\0.png", "\0", "a\u0001b.txt", "a\nb.txt", "a\rb.txt", "a\tb.txt", "a\u007Fb.txt", "a\u0085b.txt", "a\u202Eb.txt", "a\u200Bb.txt", "a\uFFFDb.txt", "a\u2028b",
            "/etc/passwd", "/", "\\", "\\etc\\passwd", "//server/share/x", "\\\\server\\share\\x", "\\\\?\\C:\\x", "\\\\.\\pipe\\x", "\\??\\C:\\x",
            "C:\\Windows\\win.ini", "C:Windows", "c:", "C:/x", "Z:\\",
            "CON", "con", "con.txt", "NUL", "nul.tar.gz", "AUX", "PRN.pdf", "COM1", "com9.log", "LPT1", "lpt3.txt", "docs/CON", "docs/nul.txt", "CONIN$", "CONOUT$", "COM\u00B9", "CON .txt",
            "a.txt:secret", "a.txt::$DATA", "docs:stream", "a.txt:", ":",
            "a.txt.", "a.txt ", "docs./report.pdf", "docs /report.pdf", "a.txt. .",
            new string('a', 256), string.Concat(Enumerable.Repeat("a/", 2100)), new string('é', 128) + ".txt",
            "link-out.txt", "relative-out.txt", "dangling-out.txt", "dir-out/outside.txt", "dir-out/uploads-evil/secret.txt", "dir-out", "loop-a", "hard-out.txt", "./hard-out.txt",
            "", ".", "./", "./.", "//", "\\\\", "/.",
            // Path parameters, queries and fragments: URL layers cut the segment there ("..;x" is ".." to a servlet container).
            "..;x/outside.txt", "..;/outside.txt", ".;x/../outside.txt", "..;jsessionid=1/outside.txt", ";x/../outside.txt", "..?x/outside.txt", "..#x/outside.txt",
            "..\uFF1Bx/outside.txt", "..\u037Ex/outside.txt", "..\uFE54x/outside.txt", "..\uFF1Fx/outside.txt", "..\u2047x/outside.txt", "..\uFF03x/outside.txt",
            // Compatibility characters whose NFKC or NFKD form holds dots or separators, and Windows best-fit ones.
            "\uFE30/outside.txt", "\uFE19/outside.txt", "\u2026/outside.txt", "a\u33C2b", "\u2488txt", "a\u2100b", "\uD83C\uDD00/outside.txt",
            "..\u00A5outside.txt", "..\u20A9outside.txt", "..\u2236x", "a\u0589b", "a\uFE55b", "\uFF05\u0032\u0065\uFF05\u0032\u0065/outside.txt", "a\u066A2e",
            // Escapes other decoders read: IIS %u, percent-encoded percent, mixed depths.
            "%u002e%u002e/outside.txt", "%U002E%U002E%U002Foutside.txt", "%%32%65%%32%65/outside.txt", "%25%32%65%25%32%65/outside.txt", "..%c0%af",
            // Dot segments once trailing spaces, look-alike spaces, form decoding or combining marks are stripped.
            ". ./outside.txt", ".. /outside.txt", "..\u00A0/outside.txt", "..\u3000/outside.txt", "..\u2007/outside.txt", "..+/outside.txt", ".\u0301./outside.txt", "..\u20DD/outside.txt",
            "a.txt\u3000", "a.txt\u00A0", "docs\u2002/report.pdf", "a.\u0301",
            // Device names behind a path parameter, unassigned and invisible code points, too many segments.
            "CON;x", "nul;.txt", "a\u0378b.txt", "a\uDBFF\uDFFFb.txt", "a\uDB40\uDC01b.txt", string.Concat(Enumerable.Repeat("a/", 40)) + "b.txt",
            string.Concat(Enumerable.Repeat("a/", 2000)) + "b.txt",
        ];
        foreach (string item in more)
        {
            inputs.Add(item);
        }

        return inputs.ToList();
    }
}
