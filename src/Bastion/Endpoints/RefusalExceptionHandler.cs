using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Commands;
using Bastion.Paths;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Bastion.Endpoints;

/// <summary>
/// Turns a guard's refusal that a handler did not catch into the answer the guard promises instead of a 500: a
/// <see cref="CommandArgumentException"/> (a [SafeCommand] value refused before any process started) is a 400
/// validation problem naming the parameter with its <see cref="CommandArgumentException.Reason"/>; a
/// <see cref="PathRejectedException"/> (<see cref="SafeFilePath.OpenRead"/> found the file gone or swapped) is a 404
/// or 400 problem; a <see cref="BadHttpRequestException"/> (the server refusing a body a hand-written handler read) keeps
/// its 4xx status; a <see cref="DbException"/> that says the database cannot be reached right now is a 503 with
/// Retry-After. None echoes the value or a path. Registered by <c>AddBastion()</c>, run by <c>UseBastion()</c>'s
/// exception handler before the generic 500.
/// </summary>
internal sealed class RefusalExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult? answer = exception switch
        {
            CommandArgumentException { ParamName: { Length: > 0 } name } refused
                => TypedResults.ValidationProblem(new Dictionary<string, string[]>(1) { [name] = [refused.Reason] }),
            PathRejectedException { StatusCode: StatusCodes.Status404NotFound }
                => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such file."),
            PathRejectedException
                => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", detail: "The path is not allowed."),
            // The server's own refusal read out of a hand-written handler (body over Bastion:Limits:MaxRequestBodySize,
            // a body that stopped arriving, malformed chunking): its status, not a 500.
            BadHttpRequestException { StatusCode: >= 400 and < 500 } bad
                => TypedResults.Problem(statusCode: bad.StatusCode, detail: bad.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body is larger than the server accepts.",
                    StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
                    _ => "The request could not be read.",
                }),
            // A database that cannot be reached (stopped, restarting, connection lost, SQLite busy): the request may
            // succeed later, so 503 with Retry-After, and the app recovers by itself when the database is back.
            DbException db when IsUnavailable(db)
                => BastionProblems.ServiceUnavailable(httpContext, "The database is unavailable; try again shortly."),
            // The shared Data Protection key ring cannot be read or written right now: a dependency is down.
            System.Security.Cryptography.CryptographicException { InnerException: DataProtection.KeyRingUnavailableException }
                or DataProtection.KeyRingUnavailableException
                => BastionProblems.ServiceUnavailable(httpContext, "A key store this request needs is unavailable; try again shortly."),
            _ => null,
        };

        if (answer is null || httpContext.Response.HasStarted)
        {
            return false;
        }

        await answer.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Transient by the provider's own judgement (<see cref="DbException.IsTransient"/>: Npgsql for refused, reset and
    /// timed-out connections; Microsoft.Data.Sqlite for a busy or locked database), or an SQLSTATE of class 08
    /// (connection exception) or 57P (operator intervention: the server shutting down or starting up).
    /// </summary>
    internal static bool IsUnavailable(DbException exception)
        => exception.IsTransient
            || exception.SqlState is { Length: 5 } state && (state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal));
}
