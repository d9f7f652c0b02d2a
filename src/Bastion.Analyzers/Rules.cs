using Microsoft.CodeAnalysis;

namespace Bastion.Analyzers;

/// <summary>
/// Every diagnostic the security analyzers report. Ids are stable (BAS1301–BAS1304, BAS1410, BAS1520 and BAS1601–BAS1603
/// moved here from the generator unchanged); each has a page at docs/rules/BASnnnn.md and a line in
/// AnalyzerReleases.Unshipped.md. <see cref="Family"/> says which corpus family a rule belongs to.
/// </summary>
internal static class Rules
{
    private const string Security = "Bastion.Security";

    /// <summary>Where docs/rules/ is published (Directory.Build.props' repository address, compiled in).</summary>
    internal const string HelpLinkBase = RepositoryInfo.Url + "/blob/" + RepositoryInfo.Branch + "/docs/rules/";

    public static readonly DiagnosticDescriptor ShellCommandFromRequest = Error(
        "BAS1301", "Request data reaches a shell or interpreter command",
        "{0} runs '{1}' as a command; the request value '{2}' becomes part of the script. Pass it as a positional argument (\"$1\" after --) or use [SafeCommand].");

    public static readonly DiagnosticDescriptor ShellExecuteWithRequestData = Error(
        "BAS1302", "UseShellExecute = true with request data",
        "{0} opens '{1}' through the operating system shell, which runs or opens whatever the request names; set UseShellExecute = false and run a fixed program");

    public static readonly DiagnosticDescriptor ArgumentStringFromRequest = Error(
        "BAS1303", "Request data in a single process argument string",
        "The argument string for '{0}' contains the request value '{1}'; the string is split on spaces and quotes, so the value can add options. Use ArgumentList, with \"--\" before values, or [SafeCommand].");

    public static readonly DiagnosticDescriptor PathFromRequest = Error(
        "BAS1304", "Request data reaches a file system path",
        "{0} uses a path built from the request value '{1}', which can leave the intended folder (../, rooted paths, archive entry names); resolve it with SafePathResolver or [SafePath] first");

    public static readonly DiagnosticDescriptor ProgramFromRequest = Error(
        "BAS1305", "The request chooses the program to run",
        "{0} runs a program named by the request value '{1}'; choose the program from a fixed list on the server");

    public static readonly DiagnosticDescriptor OptionFromRequest = Error(
        "BAS1306", "Request data can be read as a command-line option",
        "'{1}' is passed to '{0}' before \"--\", so a value starting with '-' becomes an option (git --upload-pack=, ssh -oProxyCommand=); add \"--\" first or use [SafeCommand]");

    public static readonly DiagnosticDescriptor SqlFromRequest = Error(
        "BAS1410", "Request data in SQL text",
        "{0} runs SQL text built from '{1}'; pass values as parameters and choose identifiers from a fixed list ([Sql] does both)");

    public static readonly DiagnosticDescriptor CookieNotHardened = Warning(
        "BAS1520", "Cookie written without Secure or HttpOnly",
        "{0} {1}; use HardenedCookies.Options() (Secure, HttpOnly, SameSite)");

    public static readonly DiagnosticDescriptor CookieSchemeNotHardened = Warning(
        "BAS1521", "Framework cookie configured without Secure or HttpOnly",
        "{0}: {1}; use CookieSecurePolicy.Always and HttpOnly = true");

    public static readonly DiagnosticDescriptor CorsAnyOriginWithCredentials = Error(
        "BAS1530", "CORS trusts origins an attacker can use, with credentials",
        "This CORS policy allows credentials for {0}; list exact https origins (WithOrigins, or [assembly: CorsPolicy])");

    public static readonly DiagnosticDescriptor CorsOriginReflected = Error(
        "BAS1531", "Request Origin reflected into Access-Control-Allow-Origin with credentials",
        "Access-Control-Allow-Origin is set to {0} while credentials are allowed; compare the origin exactly with a fixed list first, or use the CORS middleware with exact origins");

    public static readonly DiagnosticDescriptor HardCodedSecret = Error(
        "BAS1601", "Secret written in the code",
        "{0} gets a value written in the code ({1}); read it from configuration or a secret store ([BastionOptions] with [Secret])");

    public static readonly DiagnosticDescriptor SecretHolderExposed = Error(
        "BAS1602", "Type holding secrets is returned or serialized",
        "'{0}' has the secret member '{1}' and is {2}; return a type without it");

    public static readonly DiagnosticDescriptor SecretWritten = Error(
        "BAS1603", "Secret written to a response, log, exception or string",
        "The secret '{0}' reaches {1}; log or return whether it is set, or a fingerprint, never the value");

    public static readonly DiagnosticDescriptor TokenValidationOff = Error(
        "BAS1701", "JWT validation switched off",
        "{0}; keep the check on (Bastion's AddBastionJwt validates issuer, audience, lifetime and signature)");

    public static readonly DiagnosticDescriptor TokenValidatorAcceptsAll = Error(
        "BAS1702", "JWT validator delegate accepts tokens it should refuse",
        "{0}; remove the delegate or make it refuse by throwing");

    public static readonly DiagnosticDescriptor TokenReadWithoutValidation = Error(
        "BAS1703", "JWT claims trusted without validation",
        "{0}; validate the token (ValidateTokenAsync, the JWT bearer scheme, JwtTokens) and use the validated identity");

    public static readonly DiagnosticDescriptor HtmlFromRequest = Error(
        "BAS1801", "Request data written into HTML without encoding",
        "{0} writes HTML containing '{1}' unencoded; encode it (HtmlEncoder, WebUtility.HtmlEncode, HtmlText.Encode) or let Razor do it");

    /// <summary>The corpus family (or families) a rule id counts for.</summary>
    public static string[] Family(string id) => id switch
    {
        "BAS1301" or "BAS1302" or "BAS1303" or "BAS1305" or "BAS1306" => ["process"],
        "BAS1304" => ["path"],
        "BAS1410" => ["sql"],
        "BAS1520" or "BAS1521" => ["cookies"],
        "BAS1530" or "BAS1531" => ["cors"],
        "BAS1601" => ["secrets", "jwt"],
        "BAS1602" or "BAS1603" => ["secrets"],
        "BAS1701" or "BAS1702" or "BAS1703" => ["jwt"],
        "BAS1801" => ["xss"],
        _ => [],
    };

    private static DiagnosticDescriptor Warning(string id, string title, string message)
        => new(id, title, message, Security, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Security, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
