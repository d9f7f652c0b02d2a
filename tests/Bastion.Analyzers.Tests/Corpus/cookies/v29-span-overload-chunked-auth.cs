// family: cookies
// verdict: vulnerable
// sink-line: 22
// why: The chunked authentication cookies are appended with options that leave out Secure, so every chunk of the ticket is sent over plain HTTP.
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V29;

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

        var options = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" };
        response.Cookies.Append(chunks.ToArray(), options);
    }
}
