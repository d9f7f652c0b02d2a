// family: cookies
// verdict: vulnerable
// sink-line: 14
// why: The JWT access token is stored in a cookie without Secure, so it is exposed on any plain-HTTP request to the host.
using System;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V23;

public sealed class TokenCookieWriter
{
    public void Write(HttpResponse response, string jwt, DateTimeOffset expires)
    {
        response.Cookies.Append("access_token", jwt, new() { HttpOnly = true, SameSite = SameSiteMode.Strict, Expires = expires });
    }
}
