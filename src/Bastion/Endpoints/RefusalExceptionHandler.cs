using System;
using System.Collections.Generic;
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
/// or 400 problem. Neither echoes the value or a path. Registered by <c>AddBastion()</c>, run by <c>UseBastion()</c>'s
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
            _ => null,
        };

        if (answer is null || httpContext.Response.HasStarted)
        {
            return false;
        }

        await answer.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}
