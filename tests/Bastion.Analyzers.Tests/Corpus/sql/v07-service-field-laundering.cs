// family: sql
// verdict: vulnerable
// sink-line: 19
// why: The handler stores the request's search text in a service field, and a later method of the service concatenates that field into SQL.
using System.Collections.Generic;
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V07;

public sealed class ContactSearch(IDbConnection db)
{
    private string _filter = "1 = 1";

    public void UseEmailDomain(string domain) => _filter = "email LIKE '%@" + domain + "'";

    public IEnumerable<dynamic> Run() => db.Query("SELECT id, email FROM contacts WHERE " + _filter);
}

public static class ContactEndpoints
{
    public static void MapContacts(this WebApplication app)
    {
        app.MapGet("/contacts/domain/{domain}", (string domain, ContactSearch search) =>
        {
            search.UseEmailDomain(domain);
            return Results.Ok(search.Run());
        });
    }
}
