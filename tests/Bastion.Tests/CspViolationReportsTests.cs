using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Bastion.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bastion.Tests;

/// <summary>The CSP report receiver: both report formats, hostile bodies, and the log budget.</summary>
public sealed class CspViolationReportsTests
{
    private readonly ListLogger _logger = new();
    private readonly FakeTimeProvider _time = new();

    private static async Task<int> PostAsync(CspViolationReports receiver, string contentType, string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        await receiver.ReceiveAsync(context);
        return context.Response.StatusCode;
    }

    private CspViolationReports Receiver() => new(_logger, _time);

    [Fact]
    public async Task A_legacy_report_is_logged_with_directive_blocked_resource_and_page()
    {
        int status = await PostAsync(Receiver(), "application/csp-report",
            """{"csp-report":{"document-uri":"http://127.0.0.1:5080/","violated-directive":"script-src-elem","effective-directive":"script-src-elem","blocked-uri":"inline"}}""");
        Assert.Equal(204, status);
        string line = Assert.Single(_logger.Lines);
        Assert.Equal("Bastion: CSP violation: script-src-elem blocked inline on http://127.0.0.1:5080/", line);
    }

    [Fact]
    public async Task Reporting_api_batches_are_logged_report_by_report()
    {
        int status = await PostAsync(Receiver(), "application/reports+json",
            """[{"type":"csp-violation","body":{"documentURL":"https://app.example/a","effectiveDirective":"img-src","blockedURL":"https://evil.example/x.png"}},{"type":"csp-violation","body":{"documentURL":"https://app.example/b","effectiveDirective":"script-src-elem","blockedURL":"inline"}}]""");
        Assert.Equal(204, status);
        Assert.Equal(2, _logger.Lines.Count);
        Assert.Contains("img-src blocked https://evil.example/x.png on https://app.example/a", _logger.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_cannot_forge_log_lines_and_fields_are_cut()
    {
        string blocked = "https://evil.example/\r\n2026-01-01 INFO forged line" + new string('x', 500);
        await PostAsync(Receiver(), "application/csp-report", "{\"csp-report\":{\"effective-directive\":\"img-src\",\"blocked-uri\":" + System.Text.Json.JsonSerializer.Serialize(blocked) + ",\"document-uri\":\"a\\u202eb\"}}");
        string line = Assert.Single(_logger.Lines);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\u202e', line);
        Assert.True(line.Length < 500, line);
        Assert.Contains("…", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain", "{}", 415)]
    [InlineData("application/x-www-form-urlencoded", "a=b", 415)]
    [InlineData("application/json", "not json", 400)]
    [InlineData("application/json", "{\"other\":1}", 400)]
    [InlineData("application/json", "[[[[[[[[[[[[1]]]]]]]]]]]]", 400)]
    public async Task What_is_not_a_report_is_refused_and_not_logged(string contentType, string body, int expected)
    {
        Assert.Equal(expected, await PostAsync(Receiver(), contentType, body));
        Assert.Empty(_logger.Lines);
    }

    [Fact]
    public async Task Bodies_over_16_KB_are_refused()
    {
        string big = "{\"csp-report\":{\"blocked-uri\":\"" + new string('a', 17 * 1024) + "\"}}";
        Assert.Equal(413, await PostAsync(Receiver(), "application/csp-report", big));
        Assert.Empty(_logger.Lines);
    }

    [Fact]
    public async Task At_most_100_reports_a_minute_are_logged_and_the_rest_are_counted()
    {
        CspViolationReports receiver = Receiver();
        const string report = """{"csp-report":{"effective-directive":"img-src","blocked-uri":"https://evil.example/","document-uri":"https://app.example/"}}""";
        for (int i = 0; i < 130; i++)
        {
            Assert.Equal(204, await PostAsync(receiver, "application/csp-report", report));
        }

        Assert.Equal(100, _logger.Lines.Count);
        _time.Advance(TimeSpan.FromSeconds(61));
        await PostAsync(receiver, "application/csp-report", report);
        Assert.Equal("Bastion: 30 further CSP violation reports in the last minute were not logged", _logger.Lines[100]);
        Assert.Equal(102, _logger.Lines.Count);
    }

    private sealed class ListLogger : ILogger<CspViolationReports>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Lines.Add(formatter(state, exception));
    }
}
