// family: jwt
// verdict: safe
// why: Bastion's JWT scheme validates issuer, audience, lifetime and signature with keys from configuration; the endpoint only reads the validated user.
using System.Security.Claims;
using Bastion.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Jwt.S05;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddBastionJwt();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new { sub = user.FindFirstValue("sub") })).RequireAuthorization();
        app.Run();
    }
}
