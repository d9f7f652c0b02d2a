using Bastion;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

[assembly: CorsPolicy("https://partner.example", "https://second.example", Name = "partners", Methods = new[] { "GET", "PUT" },
    Headers = new[] { "Content-Type", "X-CSRF-TOKEN" }, ExposedHeaders = new[] { "X-Total-Count" }, AllowCredentials = true, MaxAgeSeconds = 300)]
[assembly: CorsPolicy("*", Name = "public")]

namespace Bastion.IntegrationTests.Browser;

public sealed record PartnerNote(string Text);

/// <summary>Endpoints under named CORS policies (declared on this assembly), the default policy, and header overrides.</summary>
[BastionEndpoints("/cors")]
public static partial class CorsEndpoints
{
    [Get("/partner-data"), Cors("partners")]
    public static Ok<string> PartnerData(HttpResponse response)
    {
        response.Headers["X-Total-Count"] = "1";
        return TypedResults.Ok("partner data");
    }

    [Put("/partner-data"), Cors("partners"), CsrfExempt("partner API authenticated by bearer tokens, not cookies")]
    public static Ok<string> UpdatePartnerData(PartnerNote note) => TypedResults.Ok(note.Text);

    [Get("/public"), Cors("public")]
    public static Ok<string> Public() => TypedResults.Ok("public data");

    /// <summary>Under the app's default policy (from configuration in the tests).</summary>
    [Get("/plain")]
    public static Ok<string> Plain() => TypedResults.Ok("plain data");

    /// <summary>A page a partner may frame: its own policy, no X-Frame-Options, on errors too.</summary>
    [Get("/framable/{id:int}")]
    [SecurityHeaders(ContentSecurityPolicy = "default-src 'self'; object-src 'none'; frame-ancestors https://partner.example", FrameOptions = "")]
    public static Ok<int> Framable([Range(1, 10)] int id) => TypedResults.Ok(id);
}
