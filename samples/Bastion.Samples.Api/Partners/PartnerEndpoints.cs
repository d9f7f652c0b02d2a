using System;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Bastion.Jwt;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Samples.Api.Partners;

/// <summary>
/// Machine-to-machine calls. A partner holds an API key (X-Api-Key; created, retired and revoked with the sample's
/// <c>api-keys</c> commands), trades it for a short-lived token, and may seal a note that any instance can open later
/// (Data Protection, whose key ring every instance shares when a store is configured: docs/scale-out.md).
/// </summary>
[BastionEndpoints("/api/partner")]
public static partial class PartnerEndpoints
{
    /// <summary>The Data Protection purpose of sealed notes.</summary>
    public const string NotePurpose = "Bastion.Samples.Api.Partners.Note.v1";

    [Get("/whoami"), RequireApiKey]
    public static Ok<CallerView> WhoAmI(ClaimsPrincipal caller) => TypedResults.Ok(CallerView.From(caller));

    [Post("/tokens"), RequireApiKey]
    public static Ok<TokenView> IssueToken(ClaimsPrincipal caller, JwtTokens tokens)
    {
        string token = tokens.Issue([new Claim("sub", caller.FindFirst("sub")!.Value), new Claim("api_key_id", caller.FindFirst("api_key_id")!.Value)]);
        return TypedResults.Ok(new TokenView(token, (int)tokens.Ring.Lifetime.TotalSeconds));
    }

    [Get("/me"), Authorize]
    public static Ok<CallerView> Me(ClaimsPrincipal caller) => TypedResults.Ok(CallerView.From(caller));

    [Post("/notes/seal", MaxRequestBodySize = 8 * 1024), RequireApiKey]
    public static Ok<SealedNote> Seal(NoteText body, IDataProtectionProvider protection)
        => TypedResults.Ok(new SealedNote(protection.CreateProtector(NotePurpose).Protect(body.Text)));

    [Post("/notes/open", MaxRequestBodySize = 16 * 1024), RequireApiKey]
    public static Results<Ok<NoteText>, ProblemHttpResult> Open(SealedNote body, IDataProtectionProvider protection)
    {
        try
        {
            return TypedResults.Ok(new NoteText(protection.CreateProtector(NotePurpose).Unprotect(body.Sealed)));
        }
        catch (CryptographicException)
        {
            // Tampered, sealed by another app, or sealed with a key that was revoked: the caller learns no more than that.
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", detail: "The note cannot be opened.");
        }
    }
}

/// <summary>Who called: the key's owner and the key id (never the key).</summary>
public sealed record CallerView(string Owner, string KeyId)
{
    public static CallerView From(ClaimsPrincipal caller)
        => new(caller.FindFirst("sub")?.Value ?? string.Empty, caller.FindFirst("api_key_id")?.Value ?? string.Empty);
}

/// <summary>A bearer token and how long it lives.</summary>
public sealed record TokenView(string Token, int ExpiresIn);

/// <summary>A note to seal, or an opened one.</summary>
public sealed record NoteText([Required, StringLength(2000)] string Text);

/// <summary>A sealed note: opaque to the client.</summary>
public sealed record SealedNote([Required, StringLength(8000)] string Sealed);
