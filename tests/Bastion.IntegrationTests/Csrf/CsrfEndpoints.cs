using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.IntegrationTests.Csrf;

public sealed record Transfer(string To, int Amount);

/// <summary>State-changing endpoints behind [CsrfProtected]; each counts its calls so tests prove it never ran.</summary>
[BastionEndpoints("/csrf"), CsrfProtected]
public static partial class CsrfEndpoints
{
    private static int _calls;

    public static int Calls => Volatile.Read(ref _calls);

    [Post("/transfer")]
    public static Ok<int> Send(Transfer transfer)
    {
        Interlocked.Increment(ref _calls);
        return TypedResults.Ok(transfer.Amount);
    }

    [Delete("/items/{id:int}")]
    public static Ok<int> Remove(int id)
    {
        Interlocked.Increment(ref _calls);
        return TypedResults.Ok(id);
    }

    [Get("/balance")]
    public static Ok<int> Balance() => TypedResults.Ok(42);

    [Post("/webhook"), CsrfExempt("server-to-server callback authenticated by its own signature")]
    public static Ok<int> Webhook() => TypedResults.Ok(1);
}
