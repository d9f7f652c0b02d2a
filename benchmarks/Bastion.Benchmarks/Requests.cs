using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;

namespace Bastion.Benchmarks;

/// <summary>A ten-field request with nested records and a collection, like a real API body.</summary>
public sealed record Order(
    [Required, StringLength(80)] string Customer,
    [Required, EmailAddress] string Email,
    [Url] string? Website,
    [Required, StringLength(500), Sanitize] string Notes,
    [Sanitize(HtmlPolicy.BasicFormatting), StringLength(200)] string? Signature,
    [Range(1, 100)] int Quantity,
    [Range(0.01, 10000.0)] double Price,
    [Required, RegularExpression("^[A-Z]{3}$")] string Currency,
    [Required] Address Address,
    [MaxLength(10)] IReadOnlyList<Line> Lines);

public sealed record Address([Required, StringLength(100)] string Street, [Required, StringLength(60)] string City, [Required, RegularExpression("^[0-9]{5}$")] string Zip);

public sealed record Line([Required, StringLength(40)] string Sku, [Range(1, 1000)] int Count);

/// <summary>Declares an endpoint so Bastion generates the validator the benchmarks call.</summary>
[BastionEndpoints]
public static partial class OrderEndpoints
{
    [Post("/orders")]
    public static IResult Create(Order order) => TypedResults.Ok();
}
