// family: path
// verdict: vulnerable
// sink-line: 17
// why: A storage helper class appends the caller's key to its root and writes the bytes, and the endpoint passes the raw route key, so the key can traverse.
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V28;

internal sealed class BlobStore(string root)
{
    public Task SaveAsync(string key, byte[] content)
    {
        string path = Path.Combine(root, key.Replace('\\', '/'));
        return File.WriteAllBytesAsync(path, content);
    }
}

public static class BlobEndpoints
{
    private static readonly BlobStore Store = new("/srv/blobs");

    public static void MapBlobs(this WebApplication app)
    {
        app.MapPut("/blobs/{*key}", async (string key, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            await Store.SaveAsync(key, buffer.ToArray());
            return Results.NoContent();
        });
    }
}
