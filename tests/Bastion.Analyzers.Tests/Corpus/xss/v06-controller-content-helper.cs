// family: xss
// verdict: vulnerable
// sink-line: 16
// why: Controller.Content with text/html returns the route's product name inside HTML without encoding.
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Xss.V06;

[Route("products")]
public sealed class ProductPageController : Controller
{
    [HttpGet("{name}")]
    public IActionResult Details(string name)
    {
        string body = "<h1>" + name + "</h1><p>This product is currently unavailable.</p>";
        return Content(body, "text/html");
    }
}
