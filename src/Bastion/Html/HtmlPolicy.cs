namespace Bastion;

/// <summary>How a <see cref="SanitizeAttribute"/> field treats markup.</summary>
public enum HtmlPolicy
{
    /// <summary>
    /// All markup removed; the stored value is HTML-encoded text (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>),
    /// safe to place inside an HTML element.
    /// </summary>
    Text = 0,

    /// <summary>
    /// Keeps <c>b i em strong p br a</c>; links keep only <c>href</c> with an <c>http</c>/<c>https</c> URL.
    /// Everything else (scripts, event handlers, styles, forms) is removed.
    /// </summary>
    BasicFormatting = 1,

    /// <summary>
    /// Any markup (<c>&lt;</c>, <c>&gt;</c>, a character reference such as <c>&amp;lt;</c>, or NUL) makes the
    /// request fail with 400 naming the field; accepted values are stored unchanged as plain text.
    /// </summary>
    Reject = 2,
}
