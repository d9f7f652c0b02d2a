// family: secrets
// verdict: vulnerable
// sink-line: 24
// why: The JWT signing key is a string literal in the source, so anyone who can read the code or the binary can mint valid tokens.
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Secrets.V01;

public static class AuthSetup
{
    public static void AddApiAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = "https://api.example.com",
                    ValidAudience = "example-clients",
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("q7Vh2KpL9xRm4TzN8wYc3FbJ6sDg1AeU")),
                };
            });
    }
}
