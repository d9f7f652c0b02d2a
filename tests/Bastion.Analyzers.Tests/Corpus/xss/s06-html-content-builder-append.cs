// family: xss
// verdict: safe
// why: HtmlContentBuilder.Append encodes its text, and AppendHtml is only given constant markup.
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Corpus.Xss.S06;

public sealed class GalleryCaptionViewComponent : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        string caption = HttpContext.Request.Query["caption"].ToString();
        var content = new HtmlContentBuilder();
        content.AppendHtml("<figcaption>");
        content.Append(caption);
        content.AppendHtml("</figcaption>");
        return new HtmlContentViewComponentResult(content);
    }
}
