using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.IntegrationTests.Forms;

/// <summary>A guestbook entry posted as an HTML form: sanitized and validated like a JSON body.</summary>
public sealed record GuestbookEntry(
    [Required, MaxLength(200), Sanitize] string Message,
    [Sanitize(HtmlPolicy.BasicFormatting)] string? Signature,
    [Range(1, 5)] int Rating,
    bool Subscribe = false);

/// <summary>Handler calls per endpoint and server port, so parallel test classes never see each other's calls.</summary>
public static class FormCalls
{
    private static readonly ConcurrentDictionary<(string Endpoint, int Port), StrongBox<int>> Calls = new();

    public static void Record(HttpContext context, string endpoint)
        => Interlocked.Increment(ref Calls.GetOrAdd((endpoint, context.Connection.LocalPort), _ => new StrongBox<int>()).Value);

    public static int Of(int port, string endpoint)
        => Calls.TryGetValue((endpoint, port), out StrongBox<int>? box) ? Volatile.Read(ref box.Value) : 0;
}

/// <summary>Form endpoints in each CSRF mode, with caps small enough to test, and an upload.</summary>
[BastionEndpoints("/forms"), CsrfProtected]
public static partial class FormEndpoints
{
    [Post("/origin/sign", MaxRequestBodySize = 4096), FormLimits(MaxFields = 8, MaxValueLength = 300)]
    public static IResult Sign([FromForm] GuestbookEntry entry, HttpContext context) => Echo(entry, context, "origin");

    [Post("/token/sign"), CsrfProtected(CsrfMode.Token)]
    public static IResult SignWithToken([FromForm] GuestbookEntry entry, HttpContext context) => Echo(entry, context, "token");

    [Post("/hybrid/sign"), CsrfProtected(CsrfMode.Hybrid)]
    public static IResult SignHybrid([FromForm] GuestbookEntry entry, HttpContext context) => Echo(entry, context, "hybrid");

    /// <summary>Simple values: text, a number with a default, an optional date, a checkbox.</summary>
    [Post("/values")]
    public static IResult Values(
        [FromForm, StringLength(10)] string name,
        [FromForm] int count,
        [FromForm(Name = "when")] System.DateOnly? day,
        [FromForm] bool agree,
        HttpContext context,
        [FromForm] int pages = 3)
    {
        FormCalls.Record(context, "values");
        return TypedResults.Text(string.Join("|", name, count.ToString(CultureInfo.InvariantCulture),
            day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none", agree ? "yes" : "no", pages.ToString(CultureInfo.InvariantCulture)));
    }

    [Post("/upload", MaxRequestBodySize = 65536), FormLimits(MaxFileBytes = 1024)]
    public static async Task<IResult> Upload(
        [SafePath(Root = "Files:Root", AllowedExtensions = [".txt"])] SafeFormFile file,
        [FromForm, Required] string caption,
        HttpContext context,
        CancellationToken ct)
    {
        FormCalls.Record(context, "upload");
        await file.SaveAsync(ct);
        return TypedResults.Text(file.FileName + "|" + file.Path.FullPath + "|" + caption);
    }

    /// <summary>A declared cap above the server-wide 1 MiB (Bastion:Limits:MaxRequestBodySize): the endpoint's own cap applies.</summary>
    [Post("/large", MaxRequestBodySize = 2 * 1024 * 1024), FormLimits(MaxValueLength = 1_500_000)]
    public static IResult Large([FromForm] string text) => TypedResults.Text(text.Length.ToString(CultureInfo.InvariantCulture));

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Echo(GuestbookEntry entry, HttpContext context, string endpoint)
    {
        FormCalls.Record(context, endpoint);
        return TypedResults.Text(string.Join("|", entry.Message, entry.Signature ?? "none",
            entry.Rating.ToString(CultureInfo.InvariantCulture), entry.Subscribe ? "subscribed" : "not subscribed"));
    }
}

/// <summary>Where the upload endpoint's root is, per test host.</summary>
public static class UploadRoots
{
    public static string Create()
    {
        string root = Path.Combine(Path.GetTempPath(), "bastion-forms-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return root;
    }
}
