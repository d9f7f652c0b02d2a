// family: xss
// verdict: safe
// why: The raw value is sent as text/plain with X-Content-Type-Options: nosniff, so the browser never treats it as HTML.
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Xss.S12;

[Route("notice")]
public sealed class NoticeController : Controller
{
    [HttpGet]
    public IActionResult Show([FromQuery] string message)
    {
        Response.Headers.XContentTypeOptions = "nosniff";
        return new ContentResult
        {
            Content = "Notice: " + message,
            ContentType = "text/plain; charset=utf-8",
            StatusCode = 200,
        };
    }
}
