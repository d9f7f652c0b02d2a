// family: sql
// verdict: safe
// why: The hub method passes the client's room name to Dapper as a parameter and bounds the count as an integer.
using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.SignalR;

namespace Corpus.Sql.S25;

public sealed record ChatMessage(string Author, string Text);

public sealed class ChatHub(IDbConnection db) : Hub
{
    public Task<IEnumerable<ChatMessage>> History(string room, int count)
    {
        int limit = count is > 0 and <= 200 ? count : 50;
        return db.QueryAsync<ChatMessage>(
            "SELECT author, text FROM messages WHERE room = @room ORDER BY sent_at DESC LIMIT @limit",
            new { room, limit });
    }
}
