using Bastion.Testing;
using Bastion.IntegrationTests.Csrf;
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>
/// Publishes the sample (its project sets PublishAot), requires zero trimming/AOT warnings (IL2xxx/IL3xxx) from any
/// assembly, then runs the native binary and calls it over HTTP.
/// </summary>
[Collection(nameof(SerialToolchainRuns))]
public sealed partial class NativeAotTests
{
    [Fact]
    public async Task Sample_publishes_with_PublishAot_without_warnings_and_the_binary_answers()
    {
        string root = RepositoryRoot.Find();
        string output = Directory.CreateTempSubdirectory("bastion-aot-").FullName;
        string database = Path.Combine(output, "comments.db");
        try
        {
            (int exit, string log) = await ProcessRunner.RunAsync("dotnet",
                ["publish", "samples/Bastion.Samples.Api/Bastion.Samples.Api.csproj", "-c", "Release", "-r", "linux-x64", "-o", output, "-p:IlcGenerateMstatFile=true"],
                root, TimeSpan.FromMinutes(15));
            Assert.True(exit == 0, log);

            // No trimming or AOT warning at all, from any assembly the sample ships (Bastion no longer brings Dapper).
            string[] ilWarnings = IlWarning().Matches(log).Select(m => m.Value).Distinct().ToArray();
            Assert.True(ilWarnings.Length == 0, "trimming/AOT warnings:\n" + string.Join("\n", ilWarnings));

            // What the compiler linked: the sample sanitizes one field with BasicFormatting, so HtmlSanitizer is in (the
            // control for NativeImageContentsTests); its CSRF is tokenless, so antiforgery is not. It seals partner notes
            // with Data Protection (shared key ring when configured), so that is in.
            SizeReport.MstatReader image = NativeImageContentsTests.ReadImage(Path.Combine(root, "samples", "Bastion.Samples.Api"), "Bastion.Samples.Api");
            NativeImageContentsTests.AssertPresent(image, "AngleSharp");
            NativeImageContentsTests.AssertPresent(image, "HtmlSanitizer");
            NativeImageContentsTests.AssertPresent(image, "Microsoft.AspNetCore.DataProtection");
            NativeImageContentsTests.AssertAbsent(image, (["Microsoft.AspNetCore.Antiforgery"], []));

            string binary = Path.Combine(output, "Bastion.Samples.Api");
            Assert.True(File.Exists(binary), "no native binary in " + output);
            (RunningProcess app, HttpClient client) = await RunningProcess.StartAsync(binary,
                ["--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Comments=Data Source={database}"], output, TimeSpan.FromSeconds(30));
            await using (app)
            using (client)
            {
                var ct = TestContext.Current.CancellationToken;
                Assert.Equal("{\"status\":\"ok\"}", await client.GetStringAsync("/api/health", ct));
                // The tokenless default mode: a cross-site post is refused, the app's own page posts without a token.
                var forged = new HttpRequestMessage(HttpMethod.Post, "/api/comments") { Content = new StringContent("""{"content":"forged"}""", Encoding.UTF8, "application/json") };
                forged.Headers.Add("Sec-Fetch-Site", "cross-site");
                Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(forged, ct)).StatusCode);
                client.ActAsOwnPage();

                HttpResponseMessage created = await client.PostAsync("/api/comments",
                    new StringContent("""{"content":"<script>alert(1)</script>Native <b>AOT</b>","tags":[{"name":"aot"}]}""", Encoding.UTF8, "application/json"), ct);
                string body = await created.Content.ReadAsStringAsync(ct);
                Assert.True(created.StatusCode == HttpStatusCode.Created, body + "\n" + app.Output);
                // [Sanitize] (HtmlPolicy.Text, no HTML parser in the native image): markup encoded, shown as typed.
                Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;Native &lt;b&gt;AOT&lt;/b&gt;", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("content").GetString());
                // Read back through the generated [Sql] queries and ordinal row readers, natively.
                string list = await client.GetStringAsync("/api/comments?order=oldest", ct);
                Assert.Contains("Native &lt;b&gt;AOT", list, StringComparison.Ordinal);
                Assert.Contains("\"tags\":[\"aot\"]", list, StringComparison.Ordinal);

                HttpResponseMessage invalid = await client.PostAsync("/api/comments",
                    new StringContent("""{"content":"","tags":[{"name":"NO"}]}""", Encoding.UTF8, "application/json"), ct);
                string problem = await invalid.Content.ReadAsStringAsync(ct);
                Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
                Assert.Contains("tags[0].name", problem, StringComparison.Ordinal);

                // OpenAPI describes every endpoint from the native binary (all its types are in the sample's JSON context).
                using (HttpResponseMessage openApi = await client.GetAsync("/openapi/v1.json", ct))
                {
                    string description = await openApi.Content.ReadAsStringAsync(ct);
                    Assert.True(openApi.StatusCode == HttpStatusCode.OK, $"{(int)openApi.StatusCode} {description}\n{app.Output}");
                    Assert.Contains("/api/comments", description, StringComparison.Ordinal);
                }

                HttpResponseMessage wrongType = await client.PostAsync("/api/comments", new StringContent("x", Encoding.UTF8, "text/plain"), ct);
                Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);

                (int fileStatus, string file) = await RawHttp.GetAsync(client.BaseAddress!, "/api/files/welcome.txt", ct);
                Assert.Equal(200, fileStatus);
                Assert.Contains("Welcome to the Bastion sample", file, StringComparison.Ordinal);
                (int escapeStatus, _) = await RawHttp.GetAsync(client.BaseAddress!, "/api/files/..%2fappsettings.json", ct);
                Assert.Equal(400, escapeStatus);
                // The sample runs with InvariantGlobalization, where string.Normalize changes nothing: the generated
                // look-alike table still refuses U+FE30 (NFKC "..") and a look-alike path parameter ("..；x").
                foreach (string lookAlike in new[] { "/api/files/%EF%B8%B0/appsettings.json", "/api/files/..%EF%BC%9Bx/appsettings.json", "/api/files/..;x/appsettings.json" })
                {
                    (int lookAlikeStatus, _) = await RawHttp.GetAsync(client.BaseAddress!, lookAlike, ct);
                    Assert.True(lookAlikeStatus == 400, $"{lookAlike}: {lookAlikeStatus}\n{app.Output}");
                }

                // API keys (made by the sample's own command, natively), an ES256 token for the key, the JWT-protected
                // endpoint and a Data Protection round trip, all from the native binary with zero configuration.
                (int keyExit, string keyOutput) = await ProcessRunner.RunAsync(binary, ["api-keys", "create", "aot-partner", $"--ConnectionStrings:Comments=Data Source={database}"], output, TimeSpan.FromMinutes(1));
                Assert.True(keyExit == 0, keyOutput);
                string apiKey = keyOutput.Split('\n').Single(l => l.StartsWith("key ", StringComparison.Ordinal))[4..].Trim();
                using var whoami = new HttpRequestMessage(HttpMethod.Get, "/api/partner/whoami");
                whoami.Headers.Add("X-Api-Key", apiKey);
                using HttpResponseMessage caller = await client.SendAsync(whoami, ct);
                Assert.Equal("{\"owner\":\"aot-partner\"", (await caller.Content.ReadAsStringAsync(ct)).Split(',')[0]);
                using var issue = new HttpRequestMessage(HttpMethod.Post, "/api/partner/tokens");
                issue.Headers.Add("X-Api-Key", apiKey);
                using HttpResponseMessage issued = await client.SendAsync(issue, ct);
                string token = System.Text.Json.JsonDocument.Parse(await issued.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("token").GetString()!;
                using var me = new HttpRequestMessage(HttpMethod.Get, "/api/partner/me");
#pragma warning disable BAS1601 // the token the binary just issued
                me.Headers.Add("Authorization", "Bearer " + token);
#pragma warning restore BAS1601
                using HttpResponseMessage meResponse = await client.SendAsync(me, ct);
                Assert.True(meResponse.StatusCode == HttpStatusCode.OK, (int)meResponse.StatusCode + "\n" + app.Output);
                Assert.Contains("\"keys\":[{\"kid\":\"ephemeral-", await client.GetStringAsync("/.well-known/jwks.json", ct), StringComparison.Ordinal);
                using var seal = new HttpRequestMessage(HttpMethod.Post, "/api/partner/notes/seal") { Content = new StringContent("{\"text\":\"native\"}", Encoding.UTF8, "application/json") };
                seal.Headers.Add("X-Api-Key", apiKey);
                using HttpResponseMessage sealedNote = await client.SendAsync(seal, ct);
                using var open = new HttpRequestMessage(HttpMethod.Post, "/api/partner/notes/open") { Content = new StringContent(await sealedNote.Content.ReadAsStringAsync(ct), Encoding.UTF8, "application/json") };
                open.Headers.Add("X-Api-Key", apiKey);
                using HttpResponseMessage opened = await client.SendAsync(open, ct);
                Assert.Equal("{\"text\":\"native\"}", await opened.Content.ReadAsStringAsync(ct));

                // [SafeCommand] from the native binary: a refused host never starts a process; a good one pings.
                (int injectedStatus, string injected) = await RawHttp.GetAsync(client.BaseAddress!, "/api/diagnostics/ping?host=127.0.0.1%3Bid", ct);
                Assert.Equal(400, injectedStatus);
                Assert.DoesNotContain("uid=", injected, StringComparison.Ordinal);
                if (File.Exists("/usr/bin/ping"))
                {
                    string ping = await client.GetStringAsync("/api/diagnostics/ping?host=127.0.0.1", ct);
                    Assert.Contains("\"reachable\":true", ping, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [GeneratedRegex(@"[^\r\n]*warning IL[23]\d{3}[^\r\n]*")]
    private static partial Regex IlWarning();
}
