using Bastion;
using Bastion.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Bastion: the generated [CsrfProtected] endpoint in the default (tokenless Origin) mode, generated validation and
// the parser-free sanitization policies (Text, Reject), UseBastion's headers.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.AddBastion();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, VariantJson.Default));
WebApplication app = builder.Build();
app.UseBastion();
app.MapBastionEndpoints();
app.Run();

namespace Bastion.Variants
{
    [BastionEndpoints]
    public static partial class OrderApi
    {
        [Get("/health")]
        public static Ok<string> Health() => TypedResults.Ok("ok");

        [Post("/orders"), CsrfProtected]
        public static Ok<int> Create(VariantOrder order) => TypedResults.Ok(order.Lines.Count);
    }
}
