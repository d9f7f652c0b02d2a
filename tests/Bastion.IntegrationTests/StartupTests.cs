using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bastion.IntegrationTests;

[Collection(nameof(TestEndpoints))]
public sealed class StartupTests
{
    [Fact]
    public async Task A_type_missing_from_the_json_resolver_chain_stops_the_app_at_map_time_with_a_clear_message()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.AddBastion();
        // A resolver chain that knows only int: Note is missing.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(new OnlyIntContext()));
        await using WebApplication app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapBastionEndpoints());
        // Names the endpoint (verb and route) and the missing type, whichever endpoint is mapped first.
        Assert.Matches(@"endpoint '(GET|POST|PUT|DELETE) /[^']+' needs JSON metadata for 'Bastion\.IntegrationTests\.[\w.]+'", error.Message);
        Assert.Contains("JsonSerializable", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5000")]
    [InlineData("lots")]
    public async Task The_sample_refuses_to_start_with_an_invalid_option_naming_its_key(string value)
    {
        string database = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bastion-options-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using WebApplication app = Bastion.Samples.Api.SampleApp.Build(["--Comments:MaxPageSize=" + value, "--Urls=http://127.0.0.1:0",
                "--ConnectionStrings:Comments=Data Source=" + database + ";Pooling=False",
                "--contentRoot=" + System.IO.Path.Combine(Bastion.Testing.RepositoryRoot.Find(), "samples", "Bastion.Samples.Api")]);
            var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
            Assert.Contains("Comments:MaxPageSize", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(value == "lots" ? "lots" : "'" + value + "'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.File.Delete(database);
        }
    }

    [Fact]
    public async Task An_app_without_any_json_resolver_gets_the_same_clear_message()
    {
        // Bastion must not lock the options itself and fail with a bare framework error first.
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.AddBastion();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolver = null);
        await using WebApplication app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapBastionEndpoints());
        Assert.Matches(@"^Bastion: endpoint '(GET|POST|PUT|DELETE) /[^']+' needs JSON metadata for 'Bastion\.IntegrationTests\.[\w.]+'", error.Message);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
internal sealed partial class OnlyIntContext : System.Text.Json.Serialization.JsonSerializerContext;
