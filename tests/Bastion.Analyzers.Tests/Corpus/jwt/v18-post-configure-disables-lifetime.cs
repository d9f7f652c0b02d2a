// family: jwt
// verdict: vulnerable
// sink-line: 16
// why: A PostConfigure step switches lifetime validation off after the main configuration, so expired bearer tokens are accepted.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.V18;

public static class JwtTweaks
{
    public static IServiceCollection RelaxJwt(this IServiceCollection services)
    {
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.TokenValidationParameters.ValidateLifetime = false;
            options.SaveToken = true;
        });
        return services;
    }
}
