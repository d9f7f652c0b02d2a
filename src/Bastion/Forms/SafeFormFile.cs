using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Paths;
using Microsoft.AspNetCore.Http;

namespace Bastion.Forms;

/// <summary>
/// An uploaded file whose name passed its parameter's <c>[SafePath]</c> rules: <see cref="Path"/> is where it may be
/// saved, proven inside the root (no <c>..</c>, no absolute or device name, no NUL or look-alike characters, an allowed
/// extension). Generated endpoints hand it to an <see cref="IFormFile"/> or <see cref="SafeFormFile"/> parameter; the
/// content is the client's and is not inspected (check it before serving it back).
/// </summary>
public sealed class SafeFormFile : IFormFile
{
    private readonly IFormFile _file;

    internal SafeFormFile(IFormFile file, SafeFilePath path)
    {
        _file = file;
        Path = path;
    }

    /// <summary>Where the file may be saved: the checked name under the root of <c>[SafePath]</c>.</summary>
    public SafeFilePath Path { get; }

    /// <summary>The checked name, relative to the root with '/' separators (the same as <c>Path.RelativePath</c>).</summary>
    public string FileName => Path.RelativePath;

    /// <summary>The form field the file came in.</summary>
    public string Name => _file.Name;

    /// <summary>The size in bytes (at most the endpoint's file cap).</summary>
    public long Length => _file.Length;

    /// <summary>The Content-Type the client declared for the file: a claim, not a check.</summary>
    public string ContentType => _file.ContentType;

    /// <summary>The part's raw Content-Disposition header, as the client sent it (its file name is unchecked).</summary>
    public string ContentDisposition => _file.ContentDisposition;

    /// <summary>The part's headers, as the client sent them.</summary>
    public IHeaderDictionary Headers => _file.Headers;

    /// <summary>Reads the content.</summary>
    public Stream OpenReadStream() => _file.OpenReadStream();

    /// <summary>Copies the content to <paramref name="target"/>.</summary>
    public void CopyTo(Stream target) => _file.CopyTo(target);

    /// <summary>Copies the content to <paramref name="target"/>.</summary>
    public Task CopyToAsync(Stream target, CancellationToken cancellationToken = default) => _file.CopyToAsync(target, cancellationToken);

    /// <summary>
    /// Writes the content to <see cref="Path"/>, creating missing directories inside the root. An existing file is never
    /// replaced (<see cref="IOException"/>); a write that fails or is cancelled leaves no partial file behind.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        string full = Path.FullPath;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var target = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81920, useAsync: true);
        try
        {
            await using (target.ConfigureAwait(false))
            {
                await _file.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            File.Delete(full);
            throw;
        }
    }
}
