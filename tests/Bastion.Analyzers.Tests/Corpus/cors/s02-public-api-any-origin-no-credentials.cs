// family: cors
// verdict: safe
// why: The public, read-only catalog allows any origin but without credentials, so browsers never attach cookies and other sites only see public data.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S02;

public static class CatalogSetup
{
    public static void AddPublicCors(this IServiceCollection services)
        => services.AddCors(options => options.AddPolicy("public", policy => policy.AllowAnyOrigin().WithMethods("GET").WithHeaders("Accept")));

    public static void MapCatalog(this WebApplication app)
    {
        app.MapGet("/api/catalog", () => Results.Ok(new[] { new { sku = "A-1", price = 9.99m } })).RequireCors("public");
    }
}
