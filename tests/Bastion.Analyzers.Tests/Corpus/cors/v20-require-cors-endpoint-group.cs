// family: cors
// verdict: vulnerable
// sink-line: 15
// why: The endpoint group requires an inline policy that allows every origin with credentials, so the authenticated wallet API is readable from any site.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.V20;

public static class WalletEndpoints
{
    public static void MapWallet(this WebApplication app)
    {
        var wallet = app.MapGroup("/api/wallet").RequireAuthorization();
        wallet.RequireCors(policy => policy.SetIsOriginAllowed(_ => true).AllowCredentials().AllowAnyHeader());
        wallet.MapGet("/balance", () => Results.Ok(new { balance = 1250.75m }));
        wallet.MapGet("/transactions", () => Results.Ok(new[] { new { id = 1, amount = -20m } }));
    }
}
