using Bastion;
using BastionApi;

var builder = WebApplication.CreateSlimBuilder(args);

// Problem details, Bastion's settings (the "Bastion" section of appsettings.json) and their start-up checks.
builder.AddBastion();
// System.Text.Json metadata for every body and result type: NativeAOT has no reflection to fall back on.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJson.Default));

var app = builder.Build();

// Security headers on every response, every error as problem details, CORS from the compiled policies.
app.UseBastion();
// Every endpoint the generator wrote for the [BastionEndpoints] classes of this project.
app.MapBastionEndpoints();

app.Run();
