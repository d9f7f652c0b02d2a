using Bastion.Testing;
using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>
/// The Bastion package as packed for this test run (<see cref="PackedPackages"/>): its contents; then builds a fresh consumer project against it from a local folder, runs
/// the consumer and calls a generated endpoint.
/// </summary>
[Collection(nameof(SerialToolchainRuns))]
public sealed class PackageTests
{
    private static readonly TimeSpan BuildTimeout = PackedPackages.BuildTimeout;

    [Fact]
    public async Task Packed_package_carries_runtime_generator_and_analyzers_and_a_consumer_gets_working_endpoints()
    {
        string root = RepositoryRoot.Find();
        string work = Directory.CreateTempSubdirectory("bastion-pack-").FullName;
        try
        {
            PackedPackages.Packed packed = await PackedPackages.GetAsync();
            string feed = packed.Feed;
            string version = packed.Version;

            string package = Assert.Single(Directory.GetFiles(feed, "Bastion." + version + ".nupkg"));
            using (ZipArchive zip = ZipFile.OpenRead(package))
            {
                string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
                Assert.Contains("lib/net10.0/Bastion.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/Bastion.Generators.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/Bastion.Analyzers.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/Bastion.CodeFixes.dll", entries);
                Assert.Contains("docs/rules/BAS1801.md", entries);
                Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generators", StringComparison.Ordinal));
                // The package page has its own README, every diagnostic's page ships beside the analyzer, and the
                // repository address is the one the help links use.
                Assert.Contains("PACKAGE.md", entries);
                Assert.Contains("docs/rules/BAS1001.md", entries);
                Assert.Contains("docs/csrf.md", entries);
                Assert.Contains("build/Bastion.targets", entries);
                Assert.DoesNotContain(entries, e => e.StartsWith("Dapper", StringComparison.Ordinal));
                using var nuspecReader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
                string nuspec = nuspecReader.ReadToEnd();
                Assert.Contains("<readme>PACKAGE.md</readme>", nuspec, StringComparison.Ordinal);
                Assert.Matches(@"<repository type=""git"" url=""https://github\.com/bastion-dotnet/bastion""", nuspec);
                // Pay for what you use, in dependencies too: JWT support is the separate Bastion.Jwt package.
                Assert.DoesNotContain("id=\"Dapper\"", nuspec, StringComparison.Ordinal);
                Assert.DoesNotContain("IdentityModel", nuspec, StringComparison.Ordinal);
                // The shared stores plug in from their own packages (Bastion.Redis, Bastion.PostgreSql).
                Assert.DoesNotContain("StackExchange.Redis", nuspec, StringComparison.Ordinal);
                Assert.DoesNotContain("Npgsql", nuspec, StringComparison.Ordinal);
            }

            string consumer = Path.Combine(work, "consumer");
            WriteConsumer(consumer, feed, version);
            (int buildExit, string buildOutput) = await ProcessRunner.RunAsync("dotnet", ["build", "-c", "Release"], consumer, BuildTimeout);
            Assert.True(buildExit == 0, buildOutput);
            Assert.DoesNotContain("warning", buildOutput.Split('\n').Where(l => l.Contains("Consumer", StringComparison.Ordinal)), StringComparer.Ordinal);

            string dll = Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll");
            (RunningProcess app, HttpClient client) = await RunningProcess.StartAsync("dotnet", [dll, "--urls", "http://127.0.0.1:0"], consumer, TimeSpan.FromSeconds(60));
            await using (app)
            using (client)
            {
                var response = await client.PostAsync("/hello", new StringContent("""{"name":"<script>x</script>Ada"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
                string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.True(response.IsSuccessStatusCode, body + "\n" + app.Output);
                // [Sanitize] (HtmlPolicy.Text): the markup arrives encoded, shown as typed, never run.
                Assert.Equal("Hello, &lt;script&gt;x&lt;/script&gt;Ada", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("text").GetString());

                var invalid = await client.PostAsync("/hello", new StringContent("""{"name":""}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
                Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void WriteConsumer(string folder, string feed, string version)
    {
        PackedPackages.WriteNuGetConfig(folder, feed);
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Bastion" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using System.ComponentModel.DataAnnotations;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using Bastion;

            var builder = WebApplication.CreateSlimBuilder(args);
            builder.AddBastion();
            builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ConsumerJson.Default));
            var app = builder.Build();
            app.UseBastion();
            app.MapBastionEndpoints();
            app.Run();

            public sealed record HelloRequest([Required, Sanitize] string Name);
            public sealed record Greeting(string Text);

            [BastionEndpoints]
            public static partial class HelloEndpoints
            {
                [Post("/hello"), CsrfExempt("package smoke test")]
                public static Greeting Hello(HelloRequest request) => new("Hello, " + request.Name);
            }

            [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
            [JsonSerializable(typeof(HelloRequest))]
            [JsonSerializable(typeof(Greeting))]
            internal sealed partial class ConsumerJson : JsonSerializerContext;
            """);
    }
}
