using System.Collections.Generic;

namespace Bastion.Generators.Tests;

/// <summary>Source programs the generator is run on; each becomes a set of golden files.</summary>
public static class Scenarios
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Security.Claims;
        using System.Threading;
        using System.Threading.Tasks;
        using Bastion;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Mvc;

        """;

    /// <summary>Every binding source and every return shape.</summary>
    public const string Binding = Usings + """
        namespace Shop;

        public enum Sort { Name, Price }
        public interface IClock { DateTimeOffset Now { get; } }
        public sealed record Product(long Id, string Name);
        public sealed record Rename(string Name);

        [BastionEndpoints("/api/")]
        public static partial class ProductEndpoints
        {
            [Get("/products/{id:long}")]
            public static Results<Ok<Product>, NotFound> Get(long id) => id > 0 ? TypedResults.Ok(new Product(id, "x")) : TypedResults.NotFound();

            [Get("/products", Name = "ListProducts")]
            public static Task<IReadOnlyList<Product>> List(Sort sort, int? take, IClock clock, CancellationToken ct, string search = "", bool desc = false)
                => Task.FromResult<IReadOnlyList<Product>>(Array.Empty<Product>());

            [Get("/whoami")]
            public static string WhoAmI(ClaimsPrincipal user, HttpContext context, [FromHeader(Name = "X-Request-Id")] Guid? requestId)
                => user.Identity?.Name ?? "anonymous";

            [Put("/products/{id:long}", MaxRequestBodySize = 4096), CsrfProtected]
            public static async Task<IResult> Rename(long id, Rename body, [FromServices] IClock clock)
            {
                await Task.Yield();
                return TypedResults.NoContent();
            }

            [Delete("/products/{id:long}"), CsrfProtected]
            public static Task Delete([FromRoute(Name = "id")] long productId) => Task.CompletedTask;

            [Patch("/ping"), CsrfExempt("health probe from the load balancer")]
            public static void Ping(HttpRequest request, HttpResponse response) { }

            [Post("/products/{id:long}/touch"), CsrfProtected]
            public static ValueTask Touch(long id) => ValueTask.CompletedTask;

            [Get("/products/{id:long}/price")]
            public static ValueTask<decimal> Price(long id) => ValueTask.FromResult(1.5m);

            [Get("/products/{id:long}/stock")]
            public static ValueTask<IResult> Stock(long id, Guid? warehouse) => ValueTask.FromResult<IResult>(TypedResults.Ok(id));

            [Get("/search")]
            public static int Search([FromQuery, StringLength(50, MinimumLength = 2)] string term, [Range(1, 100)] int page = 1,
                [FromHeader(Name = "X-Code"), RegularExpression("^[A-Z]{3}$")] string? code = null) => page;

            [Get("/files/{*name}")]
            public static IResult Download([SafePath(Root = "Uploads:Root", AllowedExtensions = new[] { ".pdf", ".txt" }, MustExist = true)] Bastion.Paths.SafeFilePath name)
                => TypedResults.Ok(name.RelativePath);

            // Overloads get distinct generated handler names.
            [Get("/overload/a")]
            public static int Overload() => 1;

            [Get("/overload/b")]
            public static int Overload(int value) => value;
        }
        """;

    /// <summary>DataAnnotations and [Sanitize] on nested records and collections.</summary>
    public const string Validation = Usings + """
        namespace Blog;

        public sealed record CreatePost(
            [Required, StringLength(120, MinimumLength = 3), Sanitize] string Title,
            [Required, MaxLength(10000), Sanitize(HtmlPolicy.BasicFormatting)] string Body,
            [Sanitize(HtmlPolicy.Reject), EmailAddress] string? ContactEmail,
            [Url] string? Homepage,
            [Range(1, 5)] int Priority,
            [Range(0.5, 99.5)] decimal? Price,
            [Range(typeof(decimal), "0", "1000.25", MaximumIsExclusive = true)] decimal Budget,
            [MaxLength(5), Sanitize] IReadOnlyList<string>? Keywords,
            [MinLength(1)] List<Section> Sections,
            Author? Author)
        {
            [RegularExpression("^[a-z0-9-]+$", MatchTimeoutInMilliseconds = 250)]
            public string? Slug { get; init; }
        }

        public sealed record Section([Required, Sanitize] string Heading, Section[]? Children);

        public sealed record Author([property: System.Text.Json.Serialization.JsonPropertyName("display_name")][Required, Sanitize(HtmlPolicy.Reject)] string DisplayName);

        public sealed class Feedback
        {
            [Required, Sanitize] public string Message { get; set; } = "";
            [Range(1, 10)] public int Score { get; set; }
        }

        [BastionEndpoints, CsrfProtected]
        public static partial class PostEndpoints
        {
            [Post("/posts")]
            public static Created<CreatePost> Create(CreatePost post) => TypedResults.Created("/posts/1", post);

            [Post("/feedback"), CsrfExempt("anonymous feedback form on other sites")]
            public static IResult Send([FromBody] Feedback feedback) => TypedResults.Accepted("/feedback");
        }
        """;

    /// <summary>Attribute text that tries to break out of literals and comments.</summary>
    public const string HostileLiterals = Usings + """
        namespace Hostile;

        public sealed record Payload(
            [RegularExpression("\"; System.Environment.Exit(1); //\n*/ \"\"\" \u202Eevil", ErrorMessage = "bad \"{0}\" */ \n \u2066x")] string Text,
            [property: System.Text.Json.Serialization.JsonPropertyName("a\"b\\c\u202E")][Required] string Odd);

        [BastionEndpoints("/x\"y")]
        public static partial class HostileEndpoints
        {
            [Post("/\u202Eq*/\""), CsrfExempt("\u202E*/ \"reason\" \r\n| \"\"\"")]
            public static IResult Create(Payload payload) => TypedResults.Ok();

            [Post("/form"), CsrfExempt("form fields named by hostile text")]
            public static IResult Form([FromForm] Payload payload, [FromForm(Name = "n\"*/\n\u202E")] string? other) => TypedResults.Ok();
        }
        """;

    /// <summary>[SafeCommand] methods: fixed arguments, a checked string, an integer, an embedded opt-in, an allowed environment variable.</summary>
    public const string Commands = Usings + """
        using Bastion.Commands;

        namespace Ops;

        public static partial class Diagnostics
        {
            [SafeCommand("/usr/bin/ping", "-c", "1", "-W", "2", "--", "{host}", TimeoutSeconds = 5, MaxOutputBytes = 65536)]
            public static partial Task<CommandResult> Ping([CommandArg(Pattern = "^[A-Za-z0-9.-]{1,253}$", MaxLength = 253)] string host, CancellationToken ct = default);

            [SafeCommand("/usr/bin/git", "log", "--max-count={count}", "--format=%H {{braces}}", "--", "{path}", AllowEmbeddedPlaceholders = true, Environment = new[] { "LANG", "HOME" })]
            internal static partial Task<CommandResult> History([CommandArg] int count, [CommandArg(AllowLeadingDash = false, MaxLength = 4096)] string path);

            [SafeCommand("/usr/bin/uptime")]
            public static partial Task<CommandResult> Uptime(CancellationToken @event);
        }
        """;

    /// <summary>[SafePath] members of request records: required, optional, inside a list of nested records.</summary>
    public const string BodyPaths = Usings + """
        using Bastion.Paths;

        namespace Docs;

        public sealed record Publish(
            [Required] string Title,
            [SafePath(Root = "Docs:Root", AllowedExtensions = new[] { ".md" }, MustExist = true)] SafeFilePath Source,
            [SafePath(Root = "Docs:Root")] SafeFilePath? Cover,
            IReadOnlyList<Asset>? Assets);

        public sealed record Asset([SafePath(Root = "assets", AllowSubdirectories = false)] SafeFilePath Path);

        [BastionEndpoints("/docs")]
        public static partial class PublishEndpoints
        {
            [Post("/publish"), CsrfProtected]
            public static string Publish(Publish request) => request.Source.RelativePath;
        }
        """;

    /// <summary>
    /// [Sql] methods: every return shape, identifiers, IN lists, ANY arrays, enums, limits, transactions, timeouts;
    /// one row type read by several methods with different column lists, and a private row type.
    /// </summary>
    public const string Sql = Usings + """
        using System.Data.Common;
        using Bastion.Sql;

        namespace Data;

        public enum CommentOrder { [SqlName("created_at")] Newest, Id, [SqlName("c.author_name")] Author }
        public enum Mood { Calm = 1, Angry = 2 }
        public sealed record CommentRow(long Id, string Content, string? AuthorName, int? Rating, DateTimeOffset CreatedAt, Mood Mood);
        public sealed class Totals { public long Count { get; set; } public double? Average { get; init; } }

        public static partial class Queries
        {
            [Sql("INSERT INTO comments(content, created_at) VALUES (@content, @createdAt) RETURNING id")]
            public static partial Task<long> Insert(this DbConnection db, [SqlParam(MaxLength = 2000)] string content, [SqlParam] DateTimeOffset createdAt, CancellationToken ct = default);

            [Sql("SELECT id, content, author_name, rating, created_at, mood FROM comments c ORDER BY {orderBy} {direction} LIMIT @take")]
            public static partial Task<IReadOnlyList<CommentRow>> Page(this DbConnection db, [SqlIdentifier] CommentOrder orderBy, [SqlIdentifier] SortDirection direction, [SqlParam] int take, CancellationToken ct = default);

            [Sql("SELECT id, content, author_name, rating, created_at, mood FROM comments WHERE id = @id")]
            public static partial Task<CommentRow?> Find(this DbConnection db, [SqlParam] long id, DbTransaction? transaction = null, CancellationToken ct = default);

            [Sql("SELECT id, content, author_name, rating, created_at, mood FROM comments WHERE id = @id")]
            internal static partial Task<CommentRow> Get(DbConnection db, [SqlParam] long id);

            [Sql("SELECT count(*) AS count, avg(rating) AS average FROM comments WHERE id IN @ids")]
            public static partial Task<Totals> Stats(this DbConnection db, [SqlParam(MaxItems = 500)] IEnumerable<long> ids, int? commandTimeout = null);

            [Sql("SELECT content FROM comments WHERE id = ANY(@ids) AND mood = @mood")]
            public static partial IAsyncEnumerable<string> Contents(this DbConnection db, [SqlParam] long[] ids, [SqlParam] Mood mood, CancellationToken ct = default);

            [Sql("DELETE FROM comments WHERE id = @id", CommandTimeoutSeconds = 5)]
            public static partial Task<int> Delete(this DbConnection db, [SqlParam] long id);

            [Sql("UPDATE comments SET content = @content WHERE author_name IN (@names)")]
            public static partial Task Rename(this DbConnection db, [SqlParam(Name = "content", DbType = System.Data.DbType.AnsiString)] string text, [SqlParam(MaxLength = 64)] IReadOnlyList<string> names);

            [Sql("SELECT count(*) FROM comments WHERE content <> 'mail me at a@example.com' -- @notAParameter")]
            public static partial Task<int> CountOthers(this DbConnection db);

            [Sql("SELECT rating FROM comments WHERE id = @id AND (@minimum IS NULL OR rating >= @minimum)")]
            public static partial Task<int?> Rating(this DbConnection db, [SqlParam] long id, [SqlParam(Precision = 10, Scale = 2)] decimal? minimum = null);

            [Sql("SELECT mood, created_at, content, id FROM comments WHERE rating IS NULL")]
            public static partial IAsyncEnumerable<CommentRow> Unrated(this DbConnection db, CancellationToken ct = default);

            private sealed record Excerpt(long Id, string Content);

            [Sql("SELECT id, substr(content, 1, 40) AS content FROM comments ORDER BY id DESC LIMIT 5")]
            private static partial Task<IReadOnlyList<Excerpt>> Latest(DbConnection db);
        }
        """;

    /// <summary>CORS policies and security headers on the assembly, a named policy and header overrides on endpoints.</summary>
    public const string Browser = Usings + """
        [assembly: CorsPolicy("https://app.example.com", "https://admin.example.com", Methods = new[] { "GET", "POST", "DELETE" },
            Headers = new[] { "Content-Type", "X-CSRF-TOKEN" }, ExposedHeaders = new[] { "X-Total-Count" }, AllowCredentials = true)]
        [assembly: CorsPolicy("*", Name = "public", MaxAgeSeconds = 0)]
        [assembly: SecurityHeaders(ContentSecurityPolicy = "default-src 'self'; object-src 'none'; frame-ancestors 'none'; report-uri /bastion/csp-report", ReferrerPolicy = "no-referrer")]

        namespace Portal;

        /// <summary>The app's own authorization attribute: applied and shown like [Authorize].</summary>
        public sealed class AdminOnlyAttribute : Microsoft.AspNetCore.Authorization.AuthorizeAttribute { public AdminOnlyAttribute() => Roles = "admin"; }

        /// <summary>A name that looks like authorization and is not: neither applied nor shown as protection.</summary>
        public sealed class NotAuthorizeAttribute : System.Attribute { }

        [BastionEndpoints("/api")]
        public static partial class WidgetEndpoints
        {
            [Get("/widgets/{id:int}"), Cors("public")]
            public static int Get(int id) => id;

            [Get("/embed/{id:int}")]
            [SecurityHeaders(ContentSecurityPolicy = "default-src 'self'; object-src 'none'; frame-ancestors https://partner.example", FrameOptions = "")]
            public static string Embed(int id) => "widget " + id;

            [Post("/widgets"), CsrfProtected]
            public static int Create() => 1;

            [Post("/webhooks/widgets"), RequireApiKey]
            public static int Hook(System.Security.Claims.ClaimsPrincipal caller) => 1;

            [Get("/reports"), Microsoft.AspNetCore.Authorization.Authorize(Roles = "admin", Policy = "ops"), Tags("reports", "admin")]
            public static int Reports() => 1;

            [Get("/reports/public"), Microsoft.AspNetCore.Authorization.AllowAnonymous, Microsoft.AspNetCore.Http.Timeouts.RequestTimeout(5000)]
            public static int PublicReports() => 1;

            [Get("/reports/admin"), AdminOnly]
            public static int AdminReports() => 1;

            [Get("/reports/decoy"), NotAuthorize]
            public static int DecoyReports() => 1;
        }
        """;

    /// <summary>Options of every supported shape, nested secrets, a record and DataAnnotations.</summary>
    public const string Options = Usings + """
        namespace Billing;

        public enum Mode { Sandbox, Live }

        [BastionOptions("Services:Payments")]
        public sealed partial class PaymentOptions
        {
            [Required, Url] public string ApiBase { get; set; } = "";
            [Secret(MinLength = 24)] public string ApiKey { get; set; } = "";
            public Mode Mode { get; set; } = Mode.Sandbox;
            [Range(1, 30)] public int Retries { get; set; } = 3;
            public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
            public Uri? Callback { get; set; }
            public decimal FeeRate { get; set; }
            public bool? Enabled { get; set; }
            public string[] Currencies { get; set; } = [];
            public List<int> Ports { get; set; } = new();
            public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
            public WebhookOptions Webhook { get; set; } = new();
            public List<EndpointOptions> Endpoints { get; set; } = new();
            public Limits Limits { get; } = new();
            public string Display => ApiBase + " (" + Mode + ")";
        }

        public sealed partial record WebhookOptions
        {
            [Secret(MinBytes = 32)] public string SigningKey { get; set; } = "";
            [MaxLength(200)] public string Path { get; set; } = "/hooks";
        }

        public sealed class EndpointOptions
        {
            [Required] public string Name { get; set; } = "";
            public Uri? Url { get; set; }
        }

        public sealed class Limits
        {
            [Range(typeof(decimal), "0", "1000000")] public decimal MaxAmount { get; set; } = 500;
        }
        """;

    /// <summary>
    /// CSRF modes: a class pinned to Hybrid (a method inheriting it, one pinning Token, one pinning Origin, a GET and an
    /// exemption), a class following Bastion:Csrf:Mode, and every [Sanitize] policy; the pinned token modes make the
    /// generated AddBastion() register antiforgery tokens.
    /// </summary>
    public const string Csrf = Usings + """
        namespace Bank;

        public sealed record Note([Sanitize] string Text, [Sanitize(HtmlPolicy.Reject)] string Title, [Sanitize(HtmlPolicy.RemoveMarkup)] string? Legacy, [Sanitize(HtmlPolicy.BasicFormatting)] string? Rich);

        [BastionEndpoints("/accounts"), CsrfProtected(CsrfMode.Hybrid)]
        public static partial class AccountEndpoints
        {
            [Post("/transfers"), CsrfProtected]
            public static int Transfer(Note note) => 1;

            [Delete("/{id:int}"), CsrfProtected(CsrfMode.Token)]
            public static int Close(int id) => id;

            [Put("/{id:int}/nickname"), CsrfProtected(CsrfMode.Origin)]
            public static int Rename(int id) => id;

            [Patch("/{id:int}")]
            public static int Touch(int id) => id;

            [Get("/{id:int}")]
            public static int Get(int id) => id;

            [Post("/hooks/bank"), CsrfExempt("server-to-server callback verified by its HMAC signature")]
            public static int Hook() => 1;
        }

        [BastionEndpoints("/profile"), CsrfProtected]
        public static partial class ProfileEndpoints
        {
            [Post("/")]
            public static int Save(Note note) => 1;
        }
        """;

    /// <summary>
    /// Names that collide: the user's namespace declares types called HttpContext, Task and CsrfCheck, the class has
    /// members called JsonBody and Note, and a nested namespace shadows System. The generated code must keep exactly those
    /// qualified and still compile (shortened names elsewhere).
    /// </summary>
    public const string Names = Usings + """
        namespace Crowded
        {
            public sealed class HttpContext { }
            public sealed class Task { }
            public sealed class CsrfCheck { }
            public sealed record Note([Sanitize] string Text, [Range(1, 5)] int Stars);

            [BastionEndpoints("/crowded"), CsrfProtected]
            public static partial class CrowdedEndpoints
            {
                public static int JsonBody => 1;
                public static string Note(int i) => i.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

                [Post("/notes")]
                public static global::System.Threading.Tasks.Task<int> Create(Crowded.Note note, [FromQuery] int page = 1) => global::System.Threading.Tasks.Task.FromResult(note.Stars + page);
            }
        }

        namespace Crowded.System
        {
            public sealed class Marker { }
        }
        """;

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Quote(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// [FromForm]: a record (positional and init members, [Sanitize], DataAnnotations, a checkbox, an enum, a default), values,
    /// an upload through [SafePath], [FormLimits], and every CSRF mode on a form endpoint.
    /// </summary>
    public const string Forms = Usings + """
        using Bastion.Forms;

        namespace Guestbook;

        public enum Mood { Happy, Sad }

        public sealed record SignForm(
            [Required, MaxLength(200), Sanitize] string Message,
            [Sanitize(HtmlPolicy.BasicFormatting)] string? Signature,
            [Range(1, 5)] int Rating,
            Mood Mood = Mood.Happy,
            bool Subscribe = false)
        {
            [property: System.Text.Json.Serialization.JsonPropertyName("visited_on")] public DateOnly? VisitedOn { get; init; }
        }

        [BastionEndpoints("/guestbook"), CsrfProtected]
        public static partial class GuestbookEndpoints
        {
            [Post("/sign")]
            public static IResult Sign([FromForm] SignForm entry) => TypedResults.Ok(entry.Message);

            [Post("/photos", MaxRequestBodySize = 4194304), CsrfProtected(CsrfMode.Token)]
            [FormLimits(MaxFields = 8, MaxValueLength = 500, MaxFileBytes = 2097152)]
            public static async Task<IResult> Upload(
                [SafePath(Root = "Uploads:Root", AllowedExtensions = new[] { ".png", ".jpg" })] IFormFile photo,
                [FromForm, StringLength(100)] string caption,
                [FromForm(Name = "album_id")] Guid? albumId,
                CancellationToken ct)
            {
                await ((SafeFormFile)photo).SaveAsync(ct);
                return TypedResults.Ok(caption);
            }

            [Put("/entries/{id:int}"), CsrfProtected(CsrfMode.Hybrid)]
            public static IResult Edit(int id, [FromForm] SignForm entry, [FromForm] bool hidden, [FromQuery] string? note = null) => TypedResults.NoContent();
        }
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["Forms"] = Forms,
        ["Binding"] = Binding,
        ["Validation"] = Validation,
        ["HostileLiterals"] = HostileLiterals,
        ["Commands"] = Commands,
        ["BodyPaths"] = BodyPaths,
        ["Sql"] = Sql,
        ["Browser"] = Browser,
        ["Options"] = Options,
        ["Csrf"] = Csrf,
        ["Names"] = Names,
    };
}
