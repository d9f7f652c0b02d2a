// family: jwt
// verdict: safe
// why: All standard validations stay on, and OnTokenValidated additionally refuses tokens whose jti has been revoked.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.S14;

public interface IRevocationList
{
    Task<bool> IsRevokedAsync(string jti);
}

public static class AuthSetup
{
    public static void AddRevocableJwt(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://login.example.com";
            o.Audience = "payments-api";
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    string? jti = context.Principal?.FindFirst("jti")?.Value;
                    var revocations = context.HttpContext.RequestServices.GetRequiredService<IRevocationList>();
                    if (jti is null || await revocations.IsRevokedAsync(jti))
                    {
                        context.Fail("Token revoked.");
                    }
                },
            };
        });
    }
}
