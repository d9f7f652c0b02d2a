using System.Linq;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.IntegrationTests;

public sealed record Note(
    [Required, MaxLength(200), Sanitize] string Body,
    [Sanitize(HtmlPolicy.BasicFormatting)] string? Footer,
    [Sanitize(HtmlPolicy.Reject), StringLength(40)] string? Title,
    [Sanitize] IReadOnlyList<string>? Labels,
    [MaxLength(3)] IReadOnlyList<Label>? Tags,
    [Range(1, 5)] int Stars,
    [EmailAddress] string? Email);

/// <summary>A request that names files: each is resolved under Files:Root before the handler runs.</summary>
public sealed record ShareRequest(
    [Required] string Title,
    [SafePath(Root = "Files:Root", AllowedExtensions = [".txt"], MustExist = true)] Bastion.Paths.SafeFilePath File,
    [SafePath(Root = "Files:Root")] Bastion.Paths.SafeFilePath? Preview,
    IReadOnlyList<Attachment>? Attachments);

public sealed record Attachment([SafePath(Root = "Files:Root", AllowSubdirectories = false)] Bastion.Paths.SafeFilePath Path);

public sealed record EchoRequest(string Value);

public sealed record ShareResult(Bastion.Paths.SafeFilePath File, string Content, bool InsideRoot, int Attachments);

public sealed record Measurement([Range(0.0, 1.0)] double Ratio);

public sealed record Label([Required, RegularExpression("^[a-z]{1,10}$")] string Name, [Sanitize] string? Note);

/// <summary>Endpoints under test. Each handler counts its calls so tests can prove it never ran.</summary>
[BastionEndpoints("/t"), CsrfExempt("binding and validation tests; CSRF has its own tests")]
public static partial class TestEndpoints
{
    private static int _calls;

    private static int _shareCalls;

    public static int Calls => Volatile.Read(ref _calls);

    /// <summary>Calls of <see cref="Share"/> only: its tests run in parallel with other classes calling other handlers.</summary>
    public static int ShareCalls => Volatile.Read(ref _shareCalls);

    [Post("/notes", MaxRequestBodySize = 2048)]
    public static Ok<Note> Create(Note note)
    {
        Interlocked.Increment(ref _calls);
        return TypedResults.Ok(note);
    }

    [Get("/search")]
    public static Ok<int> Search(
        [Microsoft.AspNetCore.Mvc.FromQuery, StringLength(20, MinimumLength = 2)] string term,
        [Range(1, 50)] int page = 1,
        [Microsoft.AspNetCore.Mvc.FromHeader(Name = "X-Region"), RegularExpression("^[A-Z]{2}$")] string? region = null)
    {
        Interlocked.Increment(ref _calls);
        return TypedResults.Ok(page);
    }

    [Get("/open")]
    public static Ok<string> Open([SafePath(Root = "Files:Root", AllowedExtensions = [".txt"])] Bastion.Paths.SafeFilePath file)
    {
        Interlocked.Increment(ref _calls);
        return TypedResults.Ok(file.RelativePath);
    }

    [Post("/share")]
    public static Ok<ShareResult> Share(ShareRequest request)
    {
        Interlocked.Increment(ref _shareCalls);
        string root = System.IO.Path.GetFullPath(System.Environment.GetEnvironmentVariable("BASTION_TEST_FILES_ROOT") ?? "/nonexistent");
        bool inside = request.File.FullPath.StartsWith(root + System.IO.Path.DirectorySeparatorChar, System.StringComparison.Ordinal)
            && (request.Attachments ?? []).All(a => a.Path.FullPath.StartsWith(root + System.IO.Path.DirectorySeparatorChar, System.StringComparison.Ordinal));
        return TypedResults.Ok(new ShareResult(request.File, System.IO.File.ReadAllText(request.File.FullPath), inside, request.Attachments?.Count ?? 0));
    }

    [Post("/measure")]
    public static Ok Measure(Measurement measurement)
    {
        Interlocked.Increment(ref _calls);
        return TypedResults.Ok();
    }

    /// <summary>Runs a [SafeCommand] without catching its refusals: UseBastion answers them with 400 naming the parameter.</summary>
    [Post("/echo")]
    public static async System.Threading.Tasks.Task<Ok<string>> Echo(EchoRequest request, CancellationToken ct)
    {
        // Not counted in Calls: CommandLimitTests call it while other classes assert that Calls did not move.
        return TypedResults.Ok((await TestCommands.PrintLarge(request.Value, ct)).StandardOutput);
    }

    /// <summary>A handler that fails the way real ones do (a database error carrying internals in its message).</summary>
    [Get("/fail")]
    public static Ok<int> Fail() => throw new System.InvalidOperationException("SQLite Error 5: 'database is locked' at /srv/app/secret-path.db, password=hunter2");

    [Get("/items/{id:int}")]
    public static Results<Ok<int>, NotFound> Get(int id, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "X-Tenant")] string? tenant, bool twice = false)
    {
        Interlocked.Increment(ref _calls);
        return id == 404 ? TypedResults.NotFound() : TypedResults.Ok(twice ? id * 2 : id);
    }
}

[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(Measurement))]
[JsonSerializable(typeof(DiffSubject))]
[JsonSerializable(typeof(ShareRequest))]
[JsonSerializable(typeof(ShareResult))]
[JsonSerializable(typeof(Browser.PartnerNote))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(EchoRequest))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
