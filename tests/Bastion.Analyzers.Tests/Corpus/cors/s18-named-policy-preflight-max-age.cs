// family: cors
// verdict: safe
// why: The named policy lists one exact origin for credentialed requests and the wallet group requires it by name.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S18;

public static class WalletSetup
{
    public static void AddWalletCors(this IServiceCollection services) => services.AddCors(o => o.AddPolicy("wallet", p => p
        .WithOrigins("https://wallet.example.com")
        .AllowCredentials()
        .WithHeaders("Content-Type")
        .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

    public static void MapWallet(this WebApplication app)
    {
        var wallet = app.MapGroup("/api/wallet").RequireAuthorization().RequireCors("wallet");
        wallet.MapGet("/balance", () => Results.Ok(new { balance = 1250.75m }));
    }
}
