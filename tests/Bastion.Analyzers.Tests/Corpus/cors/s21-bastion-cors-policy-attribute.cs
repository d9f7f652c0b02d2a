// family: cors
// verdict: safe
// why: The Bastion policy lists one exact https origin with credentials, and Bastion checks the literal at compile time and compares origins exactly at run time.
using Bastion;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

[assembly: CorsPolicy("https://app.example.com", Name = "spa", Methods = ["GET", "POST"], Headers = ["Content-Type", "X-CSRF-TOKEN"], AllowCredentials = true)]

namespace Corpus.Cors.S21;

[BastionEndpoints("/api/profile")]
[Cors("spa")]
public static partial class ProfileEndpoints
{
    [Get("/")]
    public static Ok<string> Get(HttpContext context) => TypedResults.Ok(context.User.Identity?.Name ?? "anonymous");
}
