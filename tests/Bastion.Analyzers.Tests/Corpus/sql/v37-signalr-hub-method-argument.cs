// family: sql
// verdict: vulnerable
// sink-line: 21
// why: Arguments of a SignalR hub method come from the connected client, and the room name is concatenated into the history query.
using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.SignalR;

namespace Corpus.Sql.V37;

public sealed record ChatMessage(string Author, string Text);

public sealed class ChatHub(IDbConnection db) : Hub
{
    public async Task<IEnumerable<ChatMessage>> History(string room, int count)
    {
        int limit = count is > 0 and <= 200 ? count : 50;
        string sql = "SELECT author, text FROM messages WHERE room = '" + room + "' ORDER BY sent_at DESC LIMIT " + limit;
        return await db.QueryAsync<ChatMessage>(sql);
    }
}
