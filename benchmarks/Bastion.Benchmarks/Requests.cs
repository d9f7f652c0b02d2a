using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;

namespace Bastion.Benchmarks;

/// <summary>
/// Attributes target the properties (<c>[property: ...]</c>) because DataAnnotations' Validator only reads
/// property attributes; Bastion reads either.
/// A ten-field request with nested records and a collection, like a real API body. [ValidatableType]
/// lets the .NET 10 validation generator (Microsoft.Extensions.Validation) produce its own validator
/// for the comparison.
/// </summary>
[Microsoft.Extensions.Validation.ValidatableType]
public sealed record Order(
    [property: Required, StringLength(80)] string Customer,
    [property: Required, EmailAddress] string Email,
    [property: Url] string? Website,
    [property: Required, StringLength(500), Sanitize] string Notes,
    [property: Sanitize(HtmlPolicy.BasicFormatting), StringLength(200)] string? Signature,
    [property: Range(1, 100)] int Quantity,
    [property: Range(0.01, 10000.0)] double Price,
    [property: Required, RegularExpression("^[A-Z]{3}$")] string Currency,
    [property: Required] Address Address,
    [property: MaxLength(10)] IReadOnlyList<Line> Lines);

public sealed record Address(
    [property: Required, StringLength(100)] string Street,
    [property: Required, StringLength(60)] string City,
    [property: Required, RegularExpression("^[0-9]{5}$")] string Zip);

public sealed record Line([property: Required, StringLength(40)] string Sku, [property: Range(1, 1000)] int Count);

/// <summary>Declares an endpoint so Bastion generates the validator the benchmarks call.</summary>
[BastionEndpoints]
public static partial class OrderEndpoints
{
    [Post("/orders"), CsrfExempt("benchmark")]
    public static IResult Create(Order order) => TypedResults.Ok();

    /// <summary>The whole-request benchmark's protected endpoint: CSRF checks (default, tokenless mode), validation, sanitization, all generated.</summary>
    [Post("/protected/orders"), CsrfProtected]
    public static IResult CreateProtected(Order order) => TypedResults.Ok(order.Lines.Count);

    /// <summary>The same endpoint pinned to the Token mode (headers and an antiforgery token on every request).</summary>
    [Post("/protected/token/orders"), CsrfProtected(CsrfMode.Token)]
    public static IResult CreateProtectedWithToken(Order order) => TypedResults.Ok(order.Lines.Count);
}
