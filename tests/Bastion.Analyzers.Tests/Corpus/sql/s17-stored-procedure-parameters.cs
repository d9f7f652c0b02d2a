// family: sql
// verdict: safe
// why: A stored procedure is called by a constant name with CommandType.StoredProcedure and the request values as Dapper parameters.
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.S17;

public sealed record TransferRequest(long FromAccount, long ToAccount, decimal Amount, string Reference);

public static class TransferEndpoints
{
    public static void MapTransfers(this WebApplication app)
    {
        app.MapPost("/transfers", async (TransferRequest request, IDbConnection db) =>
        {
            var parameters = new DynamicParameters(request);
            parameters.Add("result", dbType: DbType.Int32, direction: ParameterDirection.Output);
            await db.ExecuteAsync("transfer_funds", parameters, commandType: CommandType.StoredProcedure);
            return parameters.Get<int>("result") == 0 ? Results.Ok() : Results.Conflict();
        });
    }
}
