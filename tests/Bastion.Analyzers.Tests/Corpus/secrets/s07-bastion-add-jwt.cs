// family: secrets
// verdict: safe
// why: AddBastionJwt reads keys, issuer and audience from the Bastion:Jwt configuration section; nothing secret is written in the code.
using Bastion.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Secrets.S07;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddBastionJwt();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (System.Security.Claims.ClaimsPrincipal user) => Results.Ok(user.Identity?.Name)).RequireAuthorization();
        app.Run();
    }
}
