// family: cors
// verdict: vulnerable
// sink-line: 19
// why: An MVC action filter attribute reflects the request Origin with credentials on every action it decorates.
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Corpus.Cors.V25;

public sealed class AllowCrossSiteAttribute : ActionFilterAttribute
{
    public override void OnActionExecuted(ActionExecutedContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        if (request.Headers.TryGetValue("Origin", out var origin))
        {
            response.Headers["Access-Control-Allow-Origin"] = origin;
            response.Headers["Access-Control-Allow-Credentials"] = "true";
        }
    }
}

[ApiController]
[Route("api/messages")]
[Authorize]
[AllowCrossSite]
public sealed class MessagesController : ControllerBase
{
    [HttpGet]
    public IActionResult Inbox() => Ok(new[] { new { from = "hr@example.com", subject = "Salary review" } });
}
