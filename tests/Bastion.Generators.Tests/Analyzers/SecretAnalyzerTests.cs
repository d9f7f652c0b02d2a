using System.Linq;
using Bastion.Generators.Analyzers;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bastion.Generators.Tests.Analyzers;

/// <summary>BAS1601–BAS1603: secrets written in code, exposed in responses or payloads, or printed.</summary>
public sealed class SecretAnalyzerTests
{
    private const string Types = """
        using System;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Bastion;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;
        public sealed class ApiOptions { [Secret] public string Key { get; set; } = ""; public string Name { get; set; } = ""; }
        public sealed class Safe { public string Name { get; set; } = ""; }
        public sealed class Wrapper { public ApiOptions Inner { get; set; } = new(); }
        """;

    private static Diagnostic[] Analyze(string code)
        => GeneratorHarness.Analyze(GeneratorHarness.Compile(Types + code), new SecretAnalyzer()).ToArray();

    private static Diagnostic[] InMethod(string body)
        => Analyze("public static class C { public static void M(ApiOptions o, ILogger logger, Safe s) {\n" + body + "\n} }");

    [Theory]
    [InlineData("public sealed class K { [Secret] public string Key { get; set; } = \"hunter2-real-key\"; }")]
    [InlineData("public static class C { public static void M(ApiOptions o) { o.Key = \"sk-live-123456\"; } }")]
    [InlineData("public static class C { public static ApiOptions M() => new ApiOptions { Key = \"abc\" }; }")]
    public void BAS1601_a_literal_secret(string code)
        => Assert.Equal("BAS1601", Assert.Single(Analyze(code)).Id);

    [Theory]
    [InlineData("public sealed class K { [Secret] public string Key { get; set; } = \"\"; }")]
    [InlineData("public static class C { public static void M(ApiOptions o, string fromConfig) { o.Key = fromConfig; o.Name = \"literal is fine\"; } }")]
    public void Empty_defaults_and_values_from_elsewhere_are_fine(string code)
        => Assert.Empty(Analyze(code));

    [Theory]
    [InlineData("logger.LogInformation(\"key {Key}\", o.Key);", "ILogger.LogInformation")]
    [InlineData("logger.LogWarning($\"key {o.Key}\");", "ILogger.LogWarning")]
    [InlineData("Console.WriteLine(o.Key);", "Console.WriteLine")]
    [InlineData("Console.WriteLine(\"key: \" + o.Key);", "Console.WriteLine")]
    [InlineData("System.Diagnostics.Debug.WriteLine(o.Key);", "Debug.WriteLine")]
    [InlineData("var text = $\"Bearer {o.Key}\";", "string interpolation")]
    [InlineData("var text = \"Bearer \" + o.Key;", "string concatenation")]
    public void BAS1603_a_secret_printed_or_built_into_a_string(string body, string sink)
    {
        Diagnostic diagnostic = Assert.Single(InMethod(body));
        Assert.Equal("BAS1603", diagnostic.Id);
        Assert.Contains(sink, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("logger.LogInformation(\"key set: {Set}\", o.Key.Length > 0);")]
    [InlineData("logger.LogInformation(\"name {Name}\", o.Name);")]
    [InlineData("Console.WriteLine($\"name {o.Name}\");")]
    [InlineData("var header = new System.Net.Http.Headers.AuthenticationHeaderValue(\"Bearer\", o.Key);")]
    [InlineData("var same = string.Equals(o.Key, s.Name, StringComparison.Ordinal);")]
    public void Using_a_secret_without_printing_it_is_fine(string body)
        => Assert.Empty(InMethod(body));

    [Theory]
    [InlineData("public static class C { public static string M(ApiOptions o) => JsonSerializer.Serialize(o); }", "serialized to JSON")]
    [InlineData("public static class C { public static string M(Wrapper w) => JsonSerializer.Serialize(w.Inner); }", "serialized to JSON")]
    [InlineData("public static class C { public static IResult M(ApiOptions o) => Results.Json(o); }", "Results.Json")]
    [InlineData("public static class C { public static IResult M(ApiOptions o) => TypedResults.Ok(o); }", "Results.Ok")]
    [InlineData("public static class C { public static void M(WebApplication app, ApiOptions o) => app.MapGet(\"/config\", () => o); }", "returned from an endpoint")]
    [InlineData("[BastionEndpoints] public static partial class E { [Get(\"/config\")] public static ApiOptions M() => new(); }", "returned from endpoint M")]
    [InlineData("[BastionEndpoints] public static partial class E { [Get(\"/config\")] public static Task<ApiOptions> M() => Task.FromResult(new ApiOptions()); }", "returned from endpoint M")]
    public void BAS1602_a_secret_holder_in_a_response_or_payload(string code, string how)
    {
        Diagnostic diagnostic = Assert.Single(Analyze(code), d => d.Id == "BAS1602");
        Assert.Contains(how, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static class C { public static string M(Safe s) => JsonSerializer.Serialize(s); }")]
    [InlineData("public static class C { public static void M(WebApplication app) => app.MapGet(\"/safe\", () => new Safe()); }")]
    public void Types_without_secrets_are_fine(string code)
        => Assert.Empty(Analyze(code));
}
