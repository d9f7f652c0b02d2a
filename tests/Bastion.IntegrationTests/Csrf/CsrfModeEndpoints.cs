using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.IntegrationTests.Csrf;

/// <summary>The JSON body of the mode endpoints' POST (resolved through the reflection fallback, like <see cref="Transfer"/>).</summary>
public sealed record ModeOrder(string Item, int Quantity);

/// <summary>
/// Handler calls of the mode endpoints, counted per endpoint and per server port: every test host listens on its
/// own port, so test classes running in parallel (the HTTP matrix, the browser tests) never see each other's calls.
/// </summary>
public static class CsrfModeCalls
{
    private static readonly ConcurrentDictionary<(string Endpoint, int Port), StrongBox<int>> Calls = new();

    public static int Record(HttpContext context, string endpoint)
        => Interlocked.Increment(ref Calls.GetOrAdd((endpoint, context.Connection.LocalPort), _ => new StrongBox<int>()).Value);

    /// <summary>Calls of one endpoint (for example "hybrid.ping") on the server listening on <paramref name="port"/>.</summary>
    public static int Of(int port, string endpoint)
        => Calls.TryGetValue((endpoint, port), out StrongBox<int>? box) ? Volatile.Read(ref box.Value) : 0;

    /// <summary>Calls of every mode endpoint on the server listening on <paramref name="port"/>.</summary>
    public static int OnPort(int port)
        => Calls.Where(pair => pair.Key.Port == port).Sum(pair => Volatile.Read(ref pair.Value.Value));
}

/// <summary>Follows the configured mode (<c>Bastion:Csrf:Mode</c>, default Origin).</summary>
[BastionEndpoints("/modes/origin"), CsrfProtected]
public static partial class OriginModeEndpoints
{
    /// <summary>A bodiless POST: what a cross-site form or a no-cors fetch can send without a preflight.</summary>
    [Post("/ping")]
    public static Ok<int> Ping(HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "origin.ping"));

    [Post("/orders")]
    public static Ok<int> Order(ModeOrder order, HttpContext context)
    {
        CsrfModeCalls.Record(context, "origin.orders");
        return TypedResults.Ok(order.Quantity);
    }

    [Put("/items/{id:int}")]
    public static Ok<int> Replace(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "origin.put"));

    [Patch("/items/{id:int}")]
    public static Ok<int> Amend(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "origin.patch"));

    [Delete("/items/{id:int}")]
    public static Ok<int> Remove(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "origin.delete"));

    [Get("/items/{id:int}")]
    public static Ok<int> Read(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "origin.get"));

    /// <summary>Pinned on the method inside an unpinned class: Token whatever the configuration says.</summary>
    [Post("/pinned-token"), CsrfProtected(CsrfMode.Token)]
    public static Ok<int> PinnedToken(HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "origin.pinned-token"));
}

/// <summary>Pinned to Hybrid: a token only when the request carries no Sec-Fetch-Site.</summary>
[BastionEndpoints("/modes/hybrid"), CsrfProtected(CsrfMode.Hybrid)]
public static partial class HybridModeEndpoints
{
    [Post("/ping")]
    public static Ok<int> Ping(HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "hybrid.ping"));

    [Post("/orders")]
    public static Ok<int> Order(ModeOrder order, HttpContext context)
    {
        CsrfModeCalls.Record(context, "hybrid.orders");
        return TypedResults.Ok(order.Quantity);
    }

    [Put("/items/{id:int}")]
    public static Ok<int> Replace(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "hybrid.put"));

    [Patch("/items/{id:int}")]
    public static Ok<int> Amend(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "hybrid.patch"));

    [Delete("/items/{id:int}")]
    public static Ok<int> Remove(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "hybrid.delete"));

    [Get("/items/{id:int}")]
    public static Ok<int> Read(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "hybrid.get"));

    /// <summary>A method-level [CsrfProtected] without a mode keeps its class's Hybrid (not the configured mode).</summary>
    [Post("/inner"), CsrfProtected]
    public static Ok<int> Inner(HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "hybrid.inner"));
}

/// <summary>Pinned to Token: a valid antiforgery token on every unsafe request, after the header checks.</summary>
[BastionEndpoints("/modes/token"), CsrfProtected(CsrfMode.Token)]
public static partial class TokenModeEndpoints
{
    [Post("/ping")]
    public static Ok<int> Ping(HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "token.ping"));

    [Post("/orders")]
    public static Ok<int> Order(ModeOrder order, HttpContext context)
    {
        CsrfModeCalls.Record(context, "token.orders");
        return TypedResults.Ok(order.Quantity);
    }

    [Put("/items/{id:int}")]
    public static Ok<int> Replace(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "token.put"));

    [Patch("/items/{id:int}")]
    public static Ok<int> Amend(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "token.patch"));

    [Delete("/items/{id:int}")]
    public static Ok<int> Remove(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "token.delete"));

    [Get("/items/{id:int}")]
    public static Ok<int> Read(int id, HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "token.get"));

    /// <summary>Pinned to Origin on the method inside a Token class: no token.</summary>
    [Post("/pinned-origin"), CsrfProtected(CsrfMode.Origin)]
    public static Ok<int> PinnedOrigin(HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "token.pinned-origin"));

    /// <summary>Exempt inside a Token class: takes anything (also the browser tests' proof that the browser reached the API).</summary>
    [Post("/exempt"), CsrfExempt("test control: proves requests reach the server; no CSRF checks on purpose")]
    public static Ok<int> Exempt(HttpContext context) => TypedResults.Ok(CsrfModeCalls.Record(context, "token.exempt"));
}
