// family: secrets
// verdict: safe
// why: The settings object is returned, but its password property is marked [JsonIgnore], so System.Text.Json leaves it out.
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.S15;

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public string User { get; set; } = "";

    [JsonIgnore]
    public string Password { get; set; } = "";
}

[ApiController]
[Route("api/diagnostics")]
[Authorize(Roles = "support")]
public sealed class DiagnosticsController(IOptionsSnapshot<SmtpSettings> smtp) : ControllerBase
{
    [HttpGet("smtp")]
    public ActionResult<SmtpSettings> Smtp() => smtp.Value;
}
