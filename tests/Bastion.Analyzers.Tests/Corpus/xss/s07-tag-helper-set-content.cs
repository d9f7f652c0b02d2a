// family: xss
// verdict: safe
// why: TagHelperContent.SetContent HTML-encodes the query value; the only markup comes from the tag helper's own tag name and attribute.
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Corpus.Xss.S07;

[HtmlTargetElement("search-highlight")]
public sealed class SearchHighlightTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        string term = ViewContext.HttpContext.Request.Query["highlight"].ToString();
        output.TagName = "mark";
        output.Attributes.SetAttribute("class", "search-term");
        output.Content.SetContent(term);
    }
}
