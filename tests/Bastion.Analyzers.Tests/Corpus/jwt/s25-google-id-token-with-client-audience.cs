// family: jwt
// verdict: safe
// why: Google ID tokens are accepted only when the audience is this application's client id and the issuer is Google, with lifetime and signature checked.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S25;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        string clientId = builder.Configuration["Google:ClientId"]!;
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://accounts.google.com";
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = ["https://accounts.google.com", "accounts.google.com"],
                ValidAudience = clientId,
            };
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.Run();
    }
}
