using System;
using Microsoft.AspNetCore.Http;

namespace Bastion.Cookies;

/// <summary>
/// Cookies scripts cannot read (HttpOnly), sent over HTTPS only (Secure), not sent on cross-site requests
/// (SameSite Strict, or Lax where a link from another site must arrive logged in), for the whole site (Path=/) and
/// with no Domain, so a <c>__Host-</c> name prefix is accepted by browsers and pins the cookie to this host.
/// Bastion's analyzer BAS1520 flags cookies written without these attributes.
/// </summary>
public static class HardenedCookies
{
    /// <summary>Options for a hardened cookie. SameSite=None is refused: a cookie that must travel cross-site needs a deliberate, reviewed <see cref="CookieOptions"/>.</summary>
    public static CookieOptions Options(SameSiteMode sameSite = SameSiteMode.Strict, TimeSpan? maxAge = null)
    {
        if (sameSite is not (SameSiteMode.Strict or SameSiteMode.Lax))
        {
            throw new ArgumentOutOfRangeException(nameof(sameSite), sameSite, "Hardened cookies are SameSite=Strict or Lax.");
        }

        if (maxAge is { } age && age <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAge), age, "Use Delete to remove a cookie; a lifetime must be positive.");
        }

        return new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = sameSite,
            Path = "/",
            MaxAge = maxAge,
        };
    }

    /// <summary>
    /// Appends a hardened cookie. Name it with the <c>__Host-</c> prefix (for example <c>__Host-session</c>) so a
    /// sibling subdomain cannot overwrite it; the name must be an HTTP token.
    /// </summary>
    public static void AppendHardened(this IResponseCookies cookies, string name, string value, SameSiteMode sameSite = SameSiteMode.Strict, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(cookies);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        foreach (char c in name)
        {
            if (c is <= ' ' or > '~' or '(' or ')' or '<' or '>' or '@' or ',' or ';' or ':' or '\\' or '"' or '/' or '[' or ']' or '?' or '=' or '{' or '}')
            {
                throw new ArgumentException("A cookie name must be an HTTP token (no spaces, separators or control characters).", nameof(name));
            }
        }

        cookies.Append(name, value, Options(sameSite, maxAge));
    }

    /// <summary>Removes a cookie written with <see cref="AppendHardened"/> (same path, Secure, no domain).</summary>
    public static void DeleteHardened(this IResponseCookies cookies, string name)
    {
        ArgumentNullException.ThrowIfNull(cookies);
        cookies.Delete(name, new CookieOptions { Path = "/", Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict });
    }
}
