using Bastion.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The bare minimal API: the same endpoint with no protection (the "empty template" plus one JSON endpoint).
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, VariantJson.Default));
WebApplication app = builder.Build();
app.MapGet("/health", () => "ok");
app.MapPost("/orders", (VariantOrder order) => order.Lines.Count);
app.Run();
