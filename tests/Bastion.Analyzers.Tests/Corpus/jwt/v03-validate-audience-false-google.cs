// family: jwt
// verdict: vulnerable
// sink-line: 23
// why: Google signs ID tokens for every application with the same keys, so without the audience check a token issued to some other app (even the attacker's) is accepted here.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V03;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://accounts.google.com";
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "https://accounts.google.com",
                ValidateAudience = false,
            };
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.Run();
    }
}
