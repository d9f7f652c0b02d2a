// family: secrets
// verdict: vulnerable
// sink-line: 29
// why: A diagnostics controller returns the SMTP options object, whose Password is a [Secret], as JSON.
using Bastion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.V15;

[BastionOptions("Smtp")]
public sealed partial class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public string User { get; set; } = "";

    [Secret]
    public string Password { get; set; } = "";
}

[ApiController]
[Route("api/diagnostics")]
[Authorize(Roles = "support")]
public sealed class DiagnosticsController(IOptionsSnapshot<SmtpOptions> smtp) : ControllerBase
{
    [HttpGet("smtp")]
    public ActionResult<SmtpOptions> Smtp() => smtp.Value;
}
