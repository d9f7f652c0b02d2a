namespace Bastion;

/// <summary>How a <see cref="SanitizeAttribute"/> field treats markup.</summary>
public enum HtmlPolicy
{
    /// <summary>
    /// The value is text: markup is not interpreted but shown as typed. <c>&lt;</c> and <c>&gt;</c> are encoded, a bare
    /// <c>&amp;</c> becomes <c>&amp;amp;</c> (character references are kept), NUL is removed, so the stored value is
    /// safe inside an HTML element and encoding it again changes nothing. Needs no HTML parser (<see cref="Html.HtmlText"/>).
    /// </summary>
    Text = 0,

    /// <summary>
    /// Keeps <c>b i em strong p br a</c>; links keep only <c>href</c> with an <c>http</c>/<c>https</c> URL.
    /// Everything else (scripts, event handlers, styles, forms) is removed. Uses HtmlSanitizer.
    /// </summary>
    BasicFormatting = 1,

    /// <summary>
    /// Any markup (<c>&lt;</c>, <c>&gt;</c> or a character Unicode normalization turns into one, a character reference
    /// such as <c>&amp;lt;</c> also in look-alike or fullwidth spelling, or NUL) makes the request fail with 400 naming
    /// the field; accepted values are stored unchanged as plain text. Needs no HTML parser.
    /// </summary>
    Reject = 2,

    /// <summary>
    /// All markup removed (scripts, styles and form controls with their content, other elements keeping their text);
    /// the stored value is HTML-encoded text. Uses HtmlSanitizer. This was <see cref="Text"/> before Bastion 0.2.
    /// </summary>
    RemoveMarkup = 3,
}
