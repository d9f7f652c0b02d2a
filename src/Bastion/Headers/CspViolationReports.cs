using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bastion.Headers;

/// <summary>
/// Receives Content-Security-Policy violation reports (<c>POST /bastion/csp-report</c>, mapped by
/// <c>app.UseBastion()</c>; add <c>report-uri /bastion/csp-report</c> to the policy) and logs each as a warning
/// with the directive, the blocked resource and the page. Reports come from any browser, so the endpoint trusts
/// nothing: bodies over 16 KB are refused, each logged field is cut to 200 characters with control characters
/// replaced, and at most 100 reports a minute are logged (the rest are counted and the count is logged).
/// Both the legacy <c>application/csp-report</c> body and Reporting API batches are read.
/// </summary>
public sealed class CspViolationReports
{
    /// <summary>The path <c>app.UseBastion()</c> maps.</summary>
    public const string Path = "/bastion/csp-report";

    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxField = 200;
    private const int MaxPerMinute = 100;

    private static readonly Action<ILogger, string, string, string, Exception?> Violation = LoggerMessage.Define<string, string, string>(
        LogLevel.Warning, new EventId(2, "ContentSecurityPolicyViolation"), "Bastion: CSP violation: {Directive} blocked {BlockedUri} on {DocumentUri}");
    private static readonly Action<ILogger, int, Exception?> Dropped = LoggerMessage.Define<int>(
        LogLevel.Warning, new EventId(3, "ContentSecurityPolicyReportsDropped"), "Bastion: {Count} further CSP violation reports in the last minute were not logged");

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private long _windowStart;
    private int _inWindow;

    /// <summary>Creates the receiver.</summary>
    public CspViolationReports(ILogger<CspViolationReports> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _windowStart = _time.GetTimestamp();
    }

    internal static Task HandleAsync(HttpContext context)
        => context.RequestServices.GetRequiredService<CspViolationReports>().ReceiveAsync(context);

    /// <summary>Reads one report request and answers 204 (or 413/415/400 for what is not a report).</summary>
    public async Task ReceiveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? contentType = context.Request.ContentType;
        string mediaType = contentType is null ? string.Empty : contentType.Split(';')[0].Trim();
        if (!mediaType.Equals("application/csp-report", StringComparison.OrdinalIgnoreCase)
            && !mediaType.Equals("application/reports+json", StringComparison.OrdinalIgnoreCase)
            && !mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        byte[] body = new byte[MaxBodyBytes + 1];
        int read = 0;
        int n;
        while (read < body.Length && (n = await context.Request.Body.ReadAsync(body.AsMemory(read), context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            read += n;
        }

        if (read > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body.AsMemory(0, read), new JsonDocumentOptions { MaxDepth = 8 });
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement report in root.EnumerateArray())
                {
                    if (report.ValueKind == JsonValueKind.Object && report.TryGetProperty("body", out JsonElement reportBody) && reportBody.ValueKind == JsonValueKind.Object)
                    {
                        Log(Field(reportBody, "effectiveDirective"), Field(reportBody, "blockedURL"), Field(reportBody, "documentURL"));
                    }
                }
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("csp-report", out JsonElement legacy) && legacy.ValueKind == JsonValueKind.Object)
            {
                string directive = Field(legacy, "effective-directive");
                Log(directive.Length > 0 ? directive : Field(legacy, "violated-directive"), Field(legacy, "blocked-uri"), Field(legacy, "document-uri"));
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }
        catch (JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private void Log(string directive, string blocked, string document)
    {
        long now = _time.GetTimestamp();
        long start = Interlocked.Read(ref _windowStart);
        if (_time.GetElapsedTime(start, now) >= TimeSpan.FromMinutes(1) && Interlocked.CompareExchange(ref _windowStart, now, start) == start)
        {
            int over = Interlocked.Exchange(ref _inWindow, 0) - MaxPerMinute;
            if (over > 0)
            {
                Dropped(_logger, over, null);
            }
        }

        if (Interlocked.Increment(ref _inWindow) <= MaxPerMinute)
        {
            Violation(_logger, directive, blocked, document, null);
        }
    }

    private static string Field(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String)
        {
            return string.Empty;
        }

        string text = value.GetString() ?? string.Empty;
        var clean = new StringBuilder(Math.Min(text.Length, MaxField));
        foreach (char c in text)
        {
            if (clean.Length == MaxField)
            {
                clean.Append('…');
                break;
            }

            clean.Append(char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '?' : c);
        }

        return clean.ToString();
    }
}
