// family: jwt
// verdict: safe
// why: The audience check stays on with the two audience values this API has used, so tokens for other APIs are refused.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.S23;

public static class AuthSetup
{
    public static IServiceCollection AddOrdersAuth(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://login.example.com";
            o.TokenValidationParameters.ValidateAudience = true;
            o.TokenValidationParameters.ValidAudiences = ["orders-api", "https://api.example.com/orders"];
        });
        return services;
    }
}
