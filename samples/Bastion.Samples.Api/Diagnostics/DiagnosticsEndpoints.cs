using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Commands;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Samples.Api.Diagnostics;

/// <summary>A ping-style diagnostic: the classic command-injection endpoint, built so it cannot be one.</summary>
[BastionEndpoints("/api/diagnostics")]
public static partial class DiagnosticsEndpoints
{
    [Get("/ping")]
    public static async Task<Results<Ok<PingReport>, ValidationProblem, ProblemHttpResult>> Ping([Required, StringLength(253)] string host, CancellationToken ct)
    {
        try
        {
            CommandResult result = await NetworkTools.Ping(host, ct);
            return TypedResults.Ok(new PingReport(result.Succeeded, result.ExitCode, result.TimedOut, result.StandardOutput));
        }
        catch (CommandArgumentException refused)
        {
            // The reason, never the value (and not .NET's " (Parameter 'host')" suffix that Message carries).
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["host"] = [refused.Reason] });
        }
        catch (InvalidOperationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "ping is not installed on this server");
        }
    }
}

/// <summary>What one ping did.</summary>
public sealed record PingReport(bool Reachable, int ExitCode, bool TimedOut, string Output);
