using System.Linq;
using System.Reflection;
using Bastion;
using Bastion.Variants;
using Ganss.Xss;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The same protection the usual runtime way: minimal API (request delegate generator under AOT), .NET 10 validation,
// an antiforgery-validating filter, a reflection filter sanitizing the [Sanitize]-marked strings with HtmlSanitizer.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddAntiforgery(o => { o.HeaderName = "X-CSRF-TOKEN"; o.Cookie.Name = "bastion-csrf"; });
builder.Services.AddValidation();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, VariantJson.Default));
WebApplication app = builder.Build();
var sanitizer = new HtmlSanitizer();
PropertyInfo[] marked = typeof(VariantOrder).GetProperties(BindingFlags.Public | BindingFlags.Instance)
    .Where(p => p.PropertyType == typeof(string) && p.GetCustomAttribute<SanitizeAttribute>() is not null).ToArray();
app.MapGet("/health", () => "ok");
app.MapGet("/bastion/csrf-token", (HttpContext context, IAntiforgery antiforgery)
    => new VariantToken(antiforgery.GetAndStoreTokens(context).RequestToken!));
app.MapPost("/orders", (VariantOrder order) => order.Lines.Count)
    .AddEndpointFilter(async (invocation, next) =>
    {
        if (!await invocation.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(invocation.HttpContext))
        {
            return Results.Problem(statusCode: 403);
        }

        if (invocation.Arguments.OfType<VariantOrder>().FirstOrDefault() is { } order)
        {
            foreach (PropertyInfo property in marked)
            {
                if (property.GetValue(order) is string value)
                {
                    property.SetValue(order, sanitizer.Sanitize(value));
                }
            }
        }

        return await next(invocation);
    });
app.Run();
