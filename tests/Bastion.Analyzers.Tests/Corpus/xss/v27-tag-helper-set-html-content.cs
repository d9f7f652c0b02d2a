// family: xss
// verdict: vulnerable
// sink-line: 22
// why: The tag helper puts the `highlight` query value into its output with SetHtmlContent, which does not encode.
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Corpus.Xss.V27;

[HtmlTargetElement("search-highlight")]
public sealed class SearchHighlightTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        string term = ViewContext.HttpContext.Request.Query["highlight"].ToString();
        output.TagName = "p";
        output.Content.SetHtmlContent($"Showing matches for <mark>{term}</mark>");
    }
}
