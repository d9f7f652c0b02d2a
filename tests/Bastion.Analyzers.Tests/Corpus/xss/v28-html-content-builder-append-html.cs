// family: xss
// verdict: vulnerable
// sink-line: 18
// why: AppendHtml adds its argument as markup, so the query's caption ends up in the view component's output unencoded.
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Corpus.Xss.V28;

public sealed class GalleryCaptionViewComponent : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        string caption = HttpContext.Request.Query["caption"].ToString();
        var content = new HtmlContentBuilder();
        content.AppendHtml("<figcaption>");
        content.AppendHtml(caption);
        content.AppendHtml("</figcaption>");
        return new HtmlContentViewComponentResult(content);
    }
}
