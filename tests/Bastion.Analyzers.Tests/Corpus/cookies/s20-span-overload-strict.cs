// family: cookies
// verdict: safe
// why: The chunked authentication cookies are appended with Secure, HttpOnly and SameSite=Lax options.
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S20;

public static class ChunkedTicket
{
    public static void Write(HttpResponse response, string ticket)
    {
        const int size = 3000;
        var chunks = new List<KeyValuePair<string, string>>();
        for (int i = 0, n = 0; i < ticket.Length; i += size, n++)
        {
            chunks.Add(new($"auth.c{n}", ticket.Substring(i, System.Math.Min(size, ticket.Length - i))));
        }

        var options = new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" };
        response.Cookies.Append(chunks.ToArray(), options);
    }
}
