// family: secrets
// verdict: vulnerable
// sink-line: 23
// why: When Jwt:Key is not configured the code silently falls back to a literal key, so a deployment that forgets the setting signs tokens with a public value.
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Secrets.V06;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        string key = builder.Configuration["Jwt:Key"] ?? "development-only-key-0123456789abcdef";
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.TokenValidationParameters.ValidIssuer = builder.Configuration["Jwt:Issuer"];
            o.TokenValidationParameters.ValidAudience = builder.Configuration["Jwt:Audience"];
            o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.Run();
    }
}
