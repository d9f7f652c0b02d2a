// family: xss
// verdict: vulnerable
// sink-line: 21
// why: The Term of a [FromQuery]-bound model is interpolated into the HTML that an API controller returns with Content(..., "text/html").
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Xss.V21;

public sealed class SearchQuery
{
    public string Term { get; set; } = "";
    public int Page { get; set; } = 1;
}

[ApiController]
[Route("api/search-widget")]
public sealed class SearchWidgetController : ControllerBase
{
    [HttpGet]
    public ContentResult Widget([FromQuery] SearchQuery query)
        => Content($"<div class=\"widget\">Page {query.Page} of results for {query.Term}</div>", "text/html");
}
