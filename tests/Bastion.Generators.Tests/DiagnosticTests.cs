using Bastion.Testing;
using System.Linq;
using Bastion.Generators.Analyzers;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bastion.Generators.Tests;

/// <summary>Every rule fires on the code it describes, at the right place, and fails the build.</summary>
public sealed class DiagnosticTests
{
    private static Diagnostic Single(string source, string id)
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.Usings + source);
        Diagnostic[] matching = run.GeneratorDiagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1, $"expected one {id}, got: {string.Join("; ", run.GeneratorDiagnostics)}");
        Assert.Equal(DiagnosticSeverity.Error, matching[0].Severity);
        Assert.True(matching[0].Location.IsInSource, "diagnostics must point at source so #pragma and .editorconfig work");
        Assert.EndsWith($"docs/rules/{id}.md", matching[0].Descriptor.HelpLinkUri, System.StringComparison.Ordinal);
        return matching[0];
    }

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Fact]
    public void BAS1001_class_must_be_static_partial()
    {
        Assert.Equal("A", Text(Single("[BastionEndpoints] public static class A { [Get(\"/a\")] public static int M() => 1; }", "BAS1001")));
        Single("[BastionEndpoints] public partial class B { [Get(\"/b\")] public static int M() => 1; }", "BAS1001");
    }

    [Fact]
    public void BAS1002_parameter_that_cannot_be_bound()
        => Assert.Equal("tags", Text(Single("[BastionEndpoints] public static partial class A { [Get(\"/a\")] public static int M([FromQuery] List<string> tags) => 1; }", "BAS1002")));

    [Fact]
    public void BAS1003_unsupported_return_type()
        => Assert.Equal("M", Text(Single("[BastionEndpoints] public static partial class A { [Get(\"/a\")] public static object M() => 1; }", "BAS1003")));

    [Fact]
    public void BAS1004_route_parameter_without_method_parameter()
        => Single("[BastionEndpoints] public static partial class A { [Get(\"/a/{id}\")] public static int M() => 1; }", "BAS1004");

    [Fact]
    public void BAS1005_from_route_not_in_template()
        => Assert.Equal("id", Text(Single("[BastionEndpoints] public static partial class A { [Get(\"/a\")] public static int M([FromRoute] int id) => 1; }", "BAS1005")));

    [Fact]
    public void BAS1006_duplicate_verb_and_route_across_classes()
        => Single("""
            [BastionEndpoints("/api")] public static partial class A { [Get("/items/{id:int}")] public static int M(int id) => 1; }
            [BastionEndpoints] public static partial class B { [Get("/API/items/{other}")] public static int N(int other) => 1; }
            """, "BAS1006");

    [Fact]
    public void BAS1007_two_bodies()
        => Single("public record X(string A); public record Y(string B); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(X x, Y y) => 1; }", "BAS1007");

    [Fact]
    public void BAS1008_body_on_get()
        => Single("public record X(string A); [BastionEndpoints] public static partial class A { [Get(\"/a\")] public static int M(X x) => 1; }", "BAS1008");

    [Fact]
    public void BAS1009_instance_or_generic_endpoint_method()
    {
        Single("[BastionEndpoints] public static partial class A { [Get(\"/a\")] public static int M<T>() => 1; }", "BAS1009");
        Single("[BastionEndpoints] public static partial class A { [Get(\"/a\")] public static int M(ref int x) => 1; }", "BAS1009");
    }

    [Fact]
    public void BAS1010_invalid_route_template()
        => Single("[BastionEndpoints] public static partial class A { [Get(\"/a/{id\")] public static int M(int id) => 1; }", "BAS1010");

    [Fact]
    public void BAS1011_verb_attribute_outside_endpoints_class_from_the_analyzer()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.Usings + "public static class Plain { [Post(\"/a\")] public static int M() => 1; }");
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Analyze(compilation, new EndpointAttributeAnalyzer()));
        Assert.Equal("BAS1011", diagnostic.Id);
        Assert.Equal("M", Text(diagnostic));
    }

    [Fact]
    public void BAS1101_sanitize_on_non_string()
        => Single("public record X([Sanitize] int A); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(X x) => 1; }", "BAS1101");

    [Fact]
    public void BAS1102_validation_attribute_on_wrong_type()
    {
        Single("public record X([Range(1, 2)] string A); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(X x) => 1; }", "BAS1102");
        Single("public record X([EmailAddress] int A); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(X x) => 1; }", "BAS1102");
        Single("public record X([Range(typeof(DateTime), \"2020-01-01\", \"2030-01-01\")] DateTime A); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(X x) => 1; }", "BAS1102");
    }

    [Fact]
    public void BAS1103_invalid_regular_expression()
        => Single("public record X([RegularExpression(\"(unclosed\")] string A); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(X x) => 1; }", "BAS1103");

    [Fact]
    public void BAS1104_sanitized_member_that_cannot_be_written_back()
        => Single("public class X { [Sanitize] public string A { get; init; } = \"\"; } [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M([FromBody] X x) => 1; }", "BAS1104");

    [Fact]
    public void BAS1105_collection_that_cannot_be_walked()
        => Single("public record T([Required] string N); public record X(ICollection<T> Items); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(X x) => 1; }", "BAS1105");

    [Fact]
    public void BAS1105_checked_records_inside_a_dictionary_are_not_skipped()
        => Single("public record T([Required] string N); public record X(Dictionary<string, T> ByName); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(X x) => 1; }", "BAS1105");

    [Fact]
    public void BAS1106_unsupported_validation_attribute()
    {
        Single("public record X([Phone] string A); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(X x) => 1; }", "BAS1106");
        Single("""
            public sealed class Even : ValidationAttribute { public override bool IsValid(object? value) => value is int i && i % 2 == 0; }
            public record X([Even] int A);
            [BastionEndpoints] public static partial class A { [Post("/a")] public static int M(X x) => 1; }
            """, "BAS1106");
    }

    [Fact]
    public void BAS1107_validatable_object()
        => Single("""
            public record X(int From, int To) : IValidatableObject
            {
                public IEnumerable<ValidationResult> Validate(ValidationContext context) { yield break; }
            }
            [BastionEndpoints] public static partial class A { [Post("/a")] public static int M(X x) => 1; }
            """, "BAS1107");

    [Fact]
    public void BAS1108_sanitize_on_a_handler_parameter()
        => Assert.Equal("q", Text(Single("[BastionEndpoints] public static partial class A { [Get(\"/a\")] public static int M([Sanitize] string q) => 1; }", "BAS1108")));

    [Fact]
    public void BAS1109_checked_public_field()
        => Single("public class X { [Required] public string? Name; } [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M([FromBody] X x) => 1; }", "BAS1109");

    [Fact]
    public void Validation_attributes_on_body_or_service_parameters_are_errors_and_unknown_ones_on_query_values_too()
    {
        Single("public record X(string A); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M([Required] X x) => 1; }", "BAS1102");
        Single("[BastionEndpoints] public static partial class A { [Get(\"/a\")] public static int M([Phone] string q) => 1; }", "BAS1106");
    }

    [Fact]
    public void BAS1110_safe_path_attribute_and_type_must_go_together()
    {
        Single("[BastionEndpoints] public static partial class A { [Get(\"/f/{name}\")] public static int M([SafePath(Root = \"R\")] string name) => 1; }", "BAS1110");
        Single("[BastionEndpoints] public static partial class A { [Get(\"/f/{name}\")] public static int M(Bastion.Paths.SafeFilePath name) => 1; }", "BAS1110");
        Single("[BastionEndpoints] public static partial class A { [Get(\"/f/{name}\")] public static int M([SafePath] Bastion.Paths.SafeFilePath name) => 1; }", "BAS1110");
    }

    [Theory]
    [InlineData("public sealed record R([SafePath(Root = \"x\")] string File);")]
    [InlineData("public sealed record R(Bastion.Paths.SafeFilePath File);")]
    [InlineData("public sealed record R([SafePath] Bastion.Paths.SafeFilePath File);")]
    [InlineData("public sealed record Inner(Bastion.Paths.SafeFilePath File); public sealed record R(IReadOnlyList<Inner> Items);")]
    public void BAS1110_safe_path_members_of_request_records_need_the_attribute_the_type_and_a_root(string records)
        => Single(records + " [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(R r) => 1; }", "BAS1110");

    [Fact]
    public void A_class_with_an_error_generates_no_endpoints_so_nothing_is_silently_unprotected()
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.Usings + "public record X([Sanitize] int A); [BastionEndpoints] public static partial class A { [Post(\"/a\")] public static int M(X x) => 1; }");
        Assert.DoesNotContain(run.Result.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.EndsWith(".Endpoints.g.cs", System.StringComparison.Ordinal));
    }

    private static string Command(string attribute, string parameters = "[CommandArg] string value")
        => "using Bastion.Commands; public static partial class Tools { " + attribute + " public static partial Task<CommandResult> Run(" + parameters + "); }";

    [Theory]
    [InlineData("[SafeCommand(\"/bin/echo\", \"{value}\")] public static Task<CommandResult> Other([CommandArg] string value) => null!; [SafeCommand(\"/bin/echo\")]", "")]
    [InlineData("[SafeCommand(\"/bin/echo\", TimeoutSeconds = 0)]", "")]
    public void BAS1201_command_method_shape_and_limits(string attribute, string parameters)
        => Single(Command(attribute, parameters), "BAS1201");

    [Fact]
    public void BAS1201_command_method_must_return_a_command_result()
        => Single("using Bastion.Commands; public static partial class Tools { [SafeCommand(\"/bin/echo\")] public static partial Task<int> Run(); }", "BAS1201");

    [Theory]
    [InlineData("echo")]
    [InlineData("bin/echo")]
    [InlineData("./echo")]
    [InlineData("/usr/bin/../bin/echo")]
    [InlineData("")]
    public void BAS1202_executable_must_be_absolute(string executable)
        => Single(Command("[SafeCommand(" + Scenarios.Quote(executable) + ", \"{value}\")]"), "BAS1202");

    [Theory]
    [InlineData("/bin/sh")]
    [InlineData("/bin/bash")]
    [InlineData("/usr/bin/dash")]
    [InlineData("/bin/zsh")]
    [InlineData("/usr/bin/env")]
    [InlineData("/usr/bin/pwsh")]
    [InlineData("C:\\Windows\\System32\\cmd.exe")]
    [InlineData("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe")]
    [InlineData("C:\\tools\\build.bat")]
    [InlineData("C:\\tools\\build.CMD")]
    [InlineData("/usr/bin/python3.12")]
    [InlineData("/usr/bin/perl")]
    [InlineData("/usr/bin/sudo")]
    [InlineData("/usr/bin/xargs")]
    public void BAS1203_shells_and_interpreters_are_refused(string executable)
        => Single(Command("[SafeCommand(" + Scenarios.Quote(executable) + ", \"{value}\")]"), "BAS1203");

    [Fact]
    public void BAS1204_placeholder_without_parameter()
        => Single(Command("[SafeCommand(\"/bin/echo\", \"{value}\", \"{other}\")]"), "BAS1204");

    [Fact]
    public void BAS1205_parameter_not_in_the_template()
        => Assert.Equal("extra", Text(Single(Command("[SafeCommand(\"/bin/echo\", \"{value}\")]", "[CommandArg] string value, [CommandArg] string extra"), "BAS1205")));

    [Fact]
    public void BAS1206_embedded_placeholder_needs_the_opt_in()
    {
        Single(Command("[SafeCommand(\"/usr/bin/curl\", \"--output={value}\")]"), "BAS1206");
        Assert.Empty(GeneratorHarness.Run(Scenarios.Usings + Command("[SafeCommand(\"/usr/bin/curl\", \"--output={value}\", AllowEmbeddedPlaceholders = true)]")).GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("string value")]
    [InlineData("[CommandArg] object value")]
    [InlineData("[CommandArg] string[] value")]
    [InlineData("[CommandArg(Pattern = \"([a-z\")] string value")]
    [InlineData("[CommandArg(MaxLength = 0)] string value")]
    public void BAS1207_parameter_that_cannot_be_checked(string parameters)
        => Single(Command("[SafeCommand(\"/bin/echo\", \"{value}\")]", parameters), "BAS1207");

    [Theory]
    [InlineData("{value")]
    [InlineData("value}")]
    [InlineData("{1x}")]
    [InlineData("{}")]
    public void BAS1208_malformed_template(string argument)
        => Single(Command("[SafeCommand(\"/bin/echo\", \"{value}\", " + Scenarios.Quote(argument) + ")]"), "BAS1208");

    [Fact]
    public void A_command_with_an_error_generates_no_body()
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.Usings + Command("[SafeCommand(\"/bin/sh\", \"-c\", \"{value}\")]"));
        Assert.DoesNotContain(run.Result.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.EndsWith(".Command.g.cs", System.StringComparison.Ordinal));
    }

    private static string Query(string attribute, string returns = "Task<int>", string parameters = "DbConnection db, [SqlParam] long id")
        => "using System.Data.Common; using Bastion.Sql; public sealed record Row(long Id, string Name); public static partial class Q { " + attribute + " public static partial " + returns + " M(" + parameters + "); }";

    [Theory]
    [InlineData("[Sql(\"SELECT 1 WHERE 1 = @id\")] public static Task<int> Other(DbConnection db, [SqlParam] long id) => Task.FromResult(1); [Sql(\"DELETE FROM t WHERE id = @id\")]", "Task<int>", "DbConnection db, [SqlParam] long id")]
    [InlineData("[Sql(\"DELETE FROM t WHERE id = @id\")]", "Task<int>", "[SqlParam] long id")]
    [InlineData("[Sql(\"DELETE FROM t WHERE id = @id\")]", "Task<int>", "DbConnection db, [SqlParam] long id, string other")]
    public void BAS1401_sql_method_shape(string attribute, string returns, string parameters)
        => Single(Query(attribute, returns, parameters), "BAS1401");

    [Theory]
    [InlineData("DELETE FROM t WHERE id = @id AND name = @name")]
    [InlineData("DELETE FROM t WHERE id = @ID AND x = @Id")]
    public void BAS1402_placeholder_without_a_parameter(string sql)
        => Single(Query("[Sql(" + Scenarios.Quote(sql) + ")]", parameters: sql.Contains("@name", System.StringComparison.Ordinal) ? "DbConnection db, [SqlParam] long id" : "DbConnection db, [SqlParam] long id, [SqlParam(Name = \"ID\")] long other"), "BAS1402");

    [Fact]
    public void BAS1403_parameter_not_used()
        => Single(Query("[Sql(\"DELETE FROM t\")]"), "BAS1403");

    [Theory]
    [InlineData("DELETE FROM t WHERE name = '@id'")]
    [InlineData("DELETE FROM t WHERE id = 1 -- @id")]
    [InlineData("DELETE FROM t WHERE id = 1 /* @id */")]
    [InlineData("DELETE FROM t WHERE name = $$@id$$")]
    [InlineData("DELETE FROM t WHERE \"@id\" = 1")]
    public void BAS1404_placeholder_inside_a_literal_or_comment(string sql)
        => Single(Query("[Sql(" + Scenarios.Quote(sql) + ")]"), "BAS1404");

    [Fact]
    public void An_at_sign_inside_a_literal_that_names_no_parameter_is_fine()
        => Assert.Empty(GeneratorHarness.Run(Scenarios.Usings + Query("[Sql(\"DELETE FROM t WHERE id = @id AND mail <> 'a@example.com' -- @nobody\")]")).GeneratorDiagnostics);

    [Fact]
    public void BAS1405_parameter_type_that_cannot_be_bound()
        => Single(Query("[Sql(\"DELETE FROM t WHERE id = @id\")]", parameters: "DbConnection db, [SqlParam] object id"), "BAS1405");

    [Fact]
    public void BAS1406_select_star_into_a_mapped_type_is_a_warning()
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.Usings + Query("[Sql(\"SELECT * FROM t WHERE id = @id\")]", "Task<IReadOnlyList<Row>>"));
        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("BAS1406", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Descriptor.DefaultSeverity);
        Assert.Empty(GeneratorHarness.Run(Scenarios.Usings + Query("[Sql(\"SELECT count(*) FROM t WHERE id = @id\")]", "Task<long>")).GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("public enum O { [SqlName(\"x; DROP TABLE t\")] A }", "[SqlIdentifier] O order")]
    [InlineData("public enum O { A }", "[SqlIdentifier] string order")]
    [InlineData("public enum O { A }", "[SqlIdentifier] O other")]
    public void BAS1407_identifier_that_cannot_be_generated(string enumDeclaration, string parameter)
        => Single(Query("[Sql(\"SELECT id FROM t WHERE id = @id ORDER BY {order}\")]", "Task<IReadOnlyList<long>>", "DbConnection db, [SqlParam] long id, " + parameter)
            .Replace("public sealed record Row", enumDeclaration + " public sealed record Row", System.StringComparison.Ordinal), "BAS1407");

    [Theory]
    [InlineData("DELETE FROM t WHERE id = @id", "[SqlParam] long[] id")]
    [InlineData("DELETE FROM t WHERE id IN @id", "[SqlParam] long id")]
    public void BAS1408_collection_outside_in_or_any(string sql, string parameter)
        => Single(Query("[Sql(" + Scenarios.Quote(sql) + ")]", parameters: "DbConnection db, " + parameter), "BAS1408");

    [Theory]
    [InlineData("DELETE FROM t WHERE id = @id", "Task<Row>")]
    [InlineData("SELECT id FROM t WHERE id = @id", "Task<IReadOnlyList<object>>")]
    [InlineData("SELECT id FROM t WHERE id = @id", "Task<List<long>>")]
    [InlineData("SELECT id FROM t WHERE id = @id", "ValueTask<long>")]
    public void BAS1409_result_type_that_cannot_be_read(string sql, string returns)
        => Single(Query("[Sql(" + Scenarios.Quote(sql) + ")]", returns), "BAS1409");

    [Fact]
    public void BAS1015_unknown_csrf_mode_on_the_method_or_its_class()
    {
        Assert.Equal("M", Text(Single("[BastionEndpoints] public static partial class A { [Post(\"/a\"), CsrfProtected((CsrfMode)7)] public static int M() => 1; }", "BAS1015")));
        Single("[BastionEndpoints, CsrfProtected((CsrfMode)(-1))] public static partial class A { [Post(\"/a\")] public static int M() => 1; }", "BAS1015");
    }

    [Fact]
    public void BAS1111_unknown_html_policy()
        => Single("public sealed record Note([Sanitize((HtmlPolicy)9)] string Body); [BastionEndpoints] public static partial class A { [Post(\"/a\"), CsrfProtected] public static int M(Note note) => 1; }", "BAS1111");

    [Theory]
    [InlineData("[Post(\"/a\")]", "BAS1012")]
    [InlineData("[Delete(\"/a\")]", "BAS1012")]
    [InlineData("[Get(\"/a\"), CsrfProtected]", "BAS1013")]
    public void Csrf_decisions_are_warnings_that_still_generate(string attributes, string id)
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.Usings + "[BastionEndpoints] public static partial class A { " + attributes + " public static int M() => 1; }");
        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Descriptor.DefaultSeverity);
        Assert.Contains(run.Result.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.EndsWith(".Endpoints.g.cs", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[BastionEndpoints, CsrfProtected] public static partial class A { [Post(\"/a\")] public static int M() => 1; [Get(\"/b\")] public static int N() => 1; }")]
    [InlineData("[BastionEndpoints, CsrfExempt(\"internal network only\")] public static partial class A { [Put(\"/a\")] public static int M() => 1; }")]
    [InlineData("[BastionEndpoints] public static partial class A { [Patch(\"/a\"), CsrfExempt(\"x\")] public static int M() => 1; }")]
    public void A_csrf_decision_on_the_method_or_class_satisfies_the_rule(string source)
        => Assert.Empty(GeneratorHarness.Run(Scenarios.Usings + source).GeneratorDiagnostics);

    private static Diagnostic Finding(string source, string id, DiagnosticSeverity severity)
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.Usings + source);
        Diagnostic[] matching = run.GeneratorDiagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1, $"expected one {id}, got: {string.Join("; ", run.GeneratorDiagnostics)}");
        Assert.Equal(severity, matching[0].Descriptor.DefaultSeverity);
        Assert.True(matching[0].Location.IsInSource, "diagnostics must point at source so #pragma and .editorconfig work");
        return matching[0];
    }

    private const string AnyEndpoint = "\n[BastionEndpoints] public static partial class E { [Get(\"/e\")] public static int M() => 1; }";

    [Theory]
    [InlineData("https://app.example.com/", "trailing slash")]
    [InlineData("null", "any page")]
    [InlineData("https://App.example.com", "lower case")]
    [InlineData("https://app.example.com:443", "default port")]
    [InlineData("https://app.example.com/path?q", "path")]
    [InlineData("https://user@app.example.com", "user info")]
    [InlineData("https://*.example.com", "wildcard")]
    public void BAS1501_origin_literal_that_never_matches(string origin, string reason)
    {
        Diagnostic error = Finding("[assembly: CorsPolicy(\"https://ok.example.com\", " + Scenarios.Quote(origin) + ")]" + AnyEndpoint, "BAS1501", DiagnosticSeverity.Error);
        Assert.Equal(Scenarios.Quote(origin), Text(error));
        Assert.Contains(reason, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[assembly: CorsPolicy(\"*\", AllowCredentials = true)]", "AllowCredentials")]
    [InlineData("[assembly: CorsPolicy(\"*\", \"https://app.example.com\")]", "only entry")]
    [InlineData("[assembly: CorsPolicy]", "no origins")]
    public void BAS1502_wildcard_with_credentials_or_other_origins(string attribute, string reason)
        => Assert.Contains(reason, Finding(attribute + AnyEndpoint, "BAS1502", DiagnosticSeverity.Error).GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

    [Fact]
    public void BAS1503_plain_http_origin_is_a_warning_but_loopback_is_not()
    {
        Assert.Equal("\"http://app.example.com\"", Text(Finding("[assembly: CorsPolicy(\"http://app.example.com\", \"http://localhost:5173\", \"http://127.0.0.1:5080\")]" + AnyEndpoint, "BAS1503", DiagnosticSeverity.Warning)));
    }

    [Theory]
    [InlineData("Methods = new[] { \"*\" }", "every method")]
    [InlineData("Methods = new[] { \"get\" }", "upper case")]
    [InlineData("Headers = new[] { \"*\" }", "every request header")]
    [InlineData("Headers = new[] { \"X Token\" }", "HTTP token")]
    [InlineData("ExposedHeaders = new[] { \"\" }", "empty")]
    [InlineData("MaxAgeSeconds = 100000", "86400")]
    public void BAS1504_methods_and_headers_are_listed_tokens(string argument, string reason)
        => Assert.Contains(reason, Finding("[assembly: CorsPolicy(\"https://app.example.com\", " + argument + ")]" + AnyEndpoint, "BAS1504", DiagnosticSeverity.Error).GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

    [Fact]
    public void BAS1505_two_policies_with_one_name()
        => Finding("[assembly: CorsPolicy(\"https://a.example\", Name = \"p\")]\n[assembly: CorsPolicy(\"https://b.example\", Name = \"p\")]" + AnyEndpoint, "BAS1505", DiagnosticSeverity.Error);

    [Theory]
    [InlineData("default-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'", "BAS1510")]
    [InlineData("default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; frame-ancestors 'none'", "BAS1510")]
    [InlineData("default-src 'self'; script-src *; object-src 'none'; frame-ancestors 'none'", "BAS1510")]
    [InlineData("default-src 'self'; object-src 'none'", "BAS1511")]
    [InlineData("default-src 'self'; frame-ancestors 'none'", "BAS1512")]
    [InlineData("default-src 'self'; object-src 'none'; frame-ancestors 'none'; frame-ancestor 'self'", "BAS1513")]
    public void Weak_policies_in_attributes_are_warnings_at_the_argument(string policy, string id)
    {
        foreach (string attribute in new[]
        {
            "[assembly: SecurityHeaders(ContentSecurityPolicy = " + Scenarios.Quote(policy) + ")]" + AnyEndpoint,
            "[BastionEndpoints] public static partial class E { [Get(\"/e\"), SecurityHeaders(ContentSecurityPolicy = " + Scenarios.Quote(policy) + ")] public static int M() => 1; }",
            "[BastionEndpoints, SecurityHeaders(ContentSecurityPolicy = " + Scenarios.Quote(policy) + ")] public static partial class E { [Get(\"/e\")] public static int M() => 1; [Get(\"/f\")] public static int N() => 1; }",
        })
        {
            Assert.StartsWith("ContentSecurityPolicy", Text(Finding(attribute, id, DiagnosticSeverity.Warning)), System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Removing_the_policy_on_an_endpoint_is_a_warning()
        => Assert.Contains("no policy", Finding("[BastionEndpoints] public static partial class E { [Get(\"/e\"), SecurityHeaders(ContentSecurityPolicy = \"\")] public static int M() => 1; }", "BAS1510", DiagnosticSeverity.Warning)
            .GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

    [Theory]
    [InlineData("ContentSecurityPolicy = \"default-src 'self'\\r\\nSet-Cookie: a=b\"")]
    [InlineData("ContentSecurityPolicy = \"default-src 'self', script-src *\"")]
    [InlineData("FrameOptions = \"DENY\\nX: y\"")]
    public void BAS1514_values_a_header_cannot_carry_stop_generation(string argument)
    {
        Finding("[BastionEndpoints] public static partial class E { [Get(\"/e\"), SecurityHeaders(" + argument + ")] public static int M() => 1; }", "BAS1514", DiagnosticSeverity.Error);
        Finding("[assembly: SecurityHeaders(" + argument + ")]" + AnyEndpoint, "BAS1514", DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_strong_policy_and_valid_cors_produce_no_finding()
        => Assert.Empty(GeneratorHarness.Run(Scenarios.Browser).GeneratorDiagnostics);

    [Theory]
    [InlineData("[BastionOptions(\"A\")] public sealed class O { public string X { get; set; } = \"\"; }", "partial")]
    [InlineData("[BastionOptions(\"\")] public sealed partial class O { public string X { get; set; } = \"\"; }", "section")]
    [InlineData("[BastionOptions(\"A::B\")] public sealed partial class O { public string X { get; set; } = \"\"; }", "section")]
    [InlineData("[BastionOptions(\"A\")] public sealed partial record O(string X);", "parameterless constructor")]
    [InlineData("[BastionOptions(\"A\")] public static partial class O { }", "non-abstract class")]
    public void BAS1604_options_type_shape(string source, string reason)
        => Assert.Contains(reason, Single(source, "BAS1604").GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

    [Theory]
    [InlineData("public string X { get; init; } = \"\";", "init-only")]
    [InlineData("public object X { get; set; } = new();", "not read from configuration")]
    [InlineData("public Dictionary<int, string> X { get; set; } = new();", "not read from configuration")]
    [InlineData("public List<string> X { get; } = new();", "needs a setter")]
    [InlineData("public NoCtor X { get; set; } = NoCtor.Make();", "parameterless constructor")]
    public void BAS1605_member_that_cannot_be_bound(string member, string reason)
        => Assert.Contains(reason, Single("public sealed class NoCtor { private NoCtor() { } public static NoCtor Make() => new(); } [BastionOptions(\"A\")] public sealed partial class O { " + member + " }", "BAS1605")
            .GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

    [Fact]
    public void BAS1606_secret_that_is_not_text()
        => Single("[BastionOptions(\"A\")] public sealed partial class O { [Secret] public byte[] Key { get; set; } = []; }", "BAS1606");

    [Fact]
    public void BAS1607_secret_holder_that_cannot_be_redacted()
        => Assert.Equal("Inner", Text(Single("public sealed class Inner { [Secret] public string Key { get; set; } = \"\"; } [BastionOptions(\"A\")] public sealed partial class O { public Inner Inner { get; set; } = new(); }", "BAS1607")));

    [Fact]
    public void BAS1014_an_aspnetcore_attribute_that_cannot_be_recreated()
        => Assert.Contains("ProducesResponseTypeAttribute", Single("[BastionEndpoints] public static partial class A { [Get(\"/a\"), ProducesResponseType<int>(200)] public static int M() => 1; }", "BAS1014")
            .GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

    [Theory]
    [InlineData("using System.Data.Common; public static partial class Q { [Sql(\"SELECT id FROM t WHERE id = @missing\")] public static partial Task<long> Find(this DbConnection db, [SqlParam] long id); }", "BAS1402")]
    [InlineData("using Bastion.Commands; public static partial class T { [SafeCommand(\"/bin/sh\", \"-c\", \"{v}\")] public static partial Task<CommandResult> Run([CommandArg] string v); }", "BAS1203")]
    public void A_method_Bastion_cannot_generate_has_only_Bastions_error_not_a_missing_implementation_too(string source, string id)
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.Usings + source);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == id);
        // The generator gives the partial method a throwing body, so the compiler adds no CS8795 beside Bastion's error.
        Assert.Empty(run.CompileProblems());
        Assert.Contains("throw new global::System.NotSupportedException", run.Source(".Unbuilt.g.cs"), System.StringComparison.Ordinal);
    }

    private static DiagnosticDescriptor[] AllDescriptors() => typeof(Bastion.Generators.Diagnostics.DiagnosticDescriptors)
        .GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Every_rule_has_exactly_one_reporter()
    {
        // The generator reports nothing itself: its parsers' rules belong to AttributeDiagnosticsAnalyzer, every other
        // rule to one analyzer of hand-written code shipped beside it.
        var analyzers = typeof(Bastion.Generators.BastionGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
            .ToArray();
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            string[] reporters = analyzers.Where(a => a.SupportedDiagnostics.Contains(descriptor)).Select(a => a.GetType().Name).ToArray();
            Assert.True(reporters.Length == 1, $"{descriptor.Id} is supported by {reporters.Length} analyzers: {string.Join(", ", reporters)}");
        }
    }

    [Fact]
    public void Every_rule_has_a_docs_page_and_a_release_tracking_line()
    {
        string root = RepositoryRoot.Find();
        string releases = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "src/Bastion.Generators/AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(root, "docs/rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md is missing");
            Assert.Contains(descriptor.Id + " ", releases, System.StringComparison.Ordinal);

            // The help link is the repository's own page for the rule (RepositoryUrl in Directory.Build.props).
            string expected = Bastion.Generators.RepositoryInfo.Url + "/blob/" + Bastion.Generators.RepositoryInfo.Branch + "/docs/rules/" + descriptor.Id + ".md";
            Assert.Equal(expected, descriptor.HelpLinkUri);
            string props = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "Directory.Build.props"));
            Assert.Contains("<RepositoryUrl>" + Bastion.Generators.RepositoryInfo.Url + "</RepositoryUrl>", props, System.StringComparison.Ordinal);
        }
    }
}
