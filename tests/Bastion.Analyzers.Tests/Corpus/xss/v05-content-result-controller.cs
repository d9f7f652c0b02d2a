// family: xss
// verdict: vulnerable
// sink-line: 18
// why: A ContentResult with text/html carries the [FromQuery] message straight into the page.
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Xss.V05;

[Route("notice")]
public sealed class NoticeController : Controller
{
    [HttpGet]
    public IActionResult Show([FromQuery] string message)
    {
        string html = $"<html><body><div class=\"notice\">{message}</div></body></html>";
        return new ContentResult
        {
            Content = html,
            ContentType = "text/html",
            StatusCode = 200,
        };
    }
}
