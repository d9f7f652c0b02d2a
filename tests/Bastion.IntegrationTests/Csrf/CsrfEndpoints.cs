using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.IntegrationTests.Csrf;

public sealed record Transfer(string To, int Amount);

/// <summary>State-changing endpoints behind [CsrfProtected(CsrfMode.Token)]; each counts its calls so tests prove it never ran.</summary>
[BastionEndpoints("/csrf"), CsrfProtected(CsrfMode.Token)]
public static partial class CsrfEndpoints
{
    private static int _calls;
    private static int _rings;
    private static int _webhooks;

    public static int Calls => Volatile.Read(ref _calls);

    /// <summary>Calls of <see cref="Ring"/> only (the browser test's target; other tests run in parallel).</summary>
    public static int Rings => Volatile.Read(ref _rings);

    /// <summary>Calls of <see cref="BrowserWebhook"/> only.</summary>
    public static int Webhooks => Volatile.Read(ref _webhooks);

    /// <summary>A bodiless POST: a browser sends it cross-site as a "simple" request, no preflight.</summary>
    [Post("/ring")]
    public static Ok<int> Ring() => TypedResults.Ok(Interlocked.Increment(ref _rings));

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

    /// <summary>The same exempt endpoint for the browser test alone (<see cref="Webhooks"/> counts only these calls; CsrfTests posts to /webhook in parallel).</summary>
    [Post("/browser-webhook"), CsrfExempt("server-to-server callback authenticated by its own signature")]
    public static Ok<int> BrowserWebhook() => TypedResults.Ok(Interlocked.Increment(ref _webhooks));
}
