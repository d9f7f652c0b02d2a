using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Bastion;

namespace Bastion.Variants;

/// <summary>
/// The ten-field order every variant accepts: the benchmarks' Order rules, without [MaxLength] on the list (its attribute
/// constructor is not trim-safe). Its [Sanitize] fields use the parser-free policies (Text, Reject); the GeneratedHtml
/// variant declares the same order with a BasicFormatting field.
/// </summary>
[Microsoft.Extensions.Validation.ValidatableType]
public sealed record VariantOrder(
    [property: Required, StringLength(80)] string Customer,
    [property: Required, EmailAddress] string Email,
    [property: Url] string? Website,
    [property: Required, StringLength(500), Sanitize] string Notes,
    [property: Sanitize(HtmlPolicy.Reject), StringLength(200)] string? Signature,
    [property: Range(1, 100)] int Quantity,
    [property: Range(0.01, 10000.0)] double Price,
    [property: Required, RegularExpression("^[A-Z]{3}$")] string Currency,
    [property: Required] VariantAddress Address,
    IReadOnlyList<VariantLine> Lines);

public sealed record VariantAddress(
    [property: Required, StringLength(100)] string Street,
    [property: Required, StringLength(60)] string City,
    [property: Required, RegularExpression("^[0-9]{5}$")] string Zip);

public sealed record VariantLine([property: Required, StringLength(40)] string Sku, [property: Range(1, 1000)] int Count);

public sealed record VariantToken(string Token);

[JsonSerializable(typeof(VariantOrder))]
[JsonSerializable(typeof(VariantToken))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
public sealed partial class VariantJson : JsonSerializerContext;
