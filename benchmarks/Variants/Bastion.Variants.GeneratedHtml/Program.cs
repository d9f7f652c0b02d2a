using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Bastion;
using Bastion.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The Generated variant with one [Sanitize(HtmlPolicy.BasicFormatting)] field: the price of HtmlSanitizer and AngleSharp.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.AddBastion();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, HtmlVariantJson.Default));
WebApplication app = builder.Build();
app.UseBastion();
app.MapBastionEndpoints();
app.Run();

namespace Bastion.Variants
{
    [BastionEndpoints]
    public static partial class HtmlOrderApi
    {
        [Get("/health")]
        public static Ok<string> Health() => TypedResults.Ok("ok");

        [Post("/orders"), CsrfProtected]
        public static Ok<int> Create(HtmlVariantOrder order) => TypedResults.Ok(order.Lines.Count);
    }

    /// <summary><see cref="VariantOrder"/> with its signature sanitized by HtmlPolicy.BasicFormatting (HtmlSanitizer).</summary>
    public sealed record HtmlVariantOrder(
        [property: Required, StringLength(80)] string Customer,
        [property: Required, EmailAddress] string Email,
        [property: Url] string? Website,
        [property: Required, StringLength(500), Sanitize] string Notes,
        [property: Sanitize(HtmlPolicy.BasicFormatting), StringLength(200)] string? Signature,
        [property: Range(1, 100)] int Quantity,
        [property: Range(0.01, 10000.0)] double Price,
        [property: Required, RegularExpression("^[A-Z]{3}$")] string Currency,
        [property: Required] VariantAddress Address,
        IReadOnlyList<VariantLine> Lines);

    [JsonSerializable(typeof(HtmlVariantOrder))]
    [JsonSerializable(typeof(int))]
    [JsonSerializable(typeof(string))]
    [JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
    [JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
    [JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
    public sealed partial class HtmlVariantJson : JsonSerializerContext;
}
