// family: sql
// verdict: vulnerable
// sink-line: 28
// why: The client-supplied IFormFile.FileName is quoted into an INSERT statement, and a file name may contain any character including quotes.
using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V35;

public static class UploadEndpoints
{
    public static void MapUploads(this WebApplication app)
    {
        app.MapPost("/uploads", async (IFormFile file, SqliteConnection db) =>
        {
            string storedAs = Guid.NewGuid().ToString("N");
            await using (var target = File.Create(Path.Combine("/var/app/uploads", storedAs)))
            {
                await file.CopyToAsync(target);
            }

            await db.OpenAsync();
            await using var cmd = db.CreateCommand();
            cmd.CommandText = $"INSERT INTO uploads (stored_as, original_name, size) VALUES ('{storedAs}', '{file.FileName}', {file.Length})";
            await cmd.ExecuteNonQueryAsync();
            return Results.Created($"/uploads/{storedAs}", null);
        }).DisableAntiforgery();
    }
}
