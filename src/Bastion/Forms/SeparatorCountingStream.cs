using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.Forms;

/// <summary>
/// Read-only wrapper that counts one separator byte in what passes through and fails once more than
/// <paramref name="maxSeparators"/> have been seen: the field count of a URL-encoded form, checked before the reader
/// builds strings for the fields.
/// </summary>
internal sealed class SeparatorCountingStream(Stream inner, byte separator, int maxSeparators) : Stream
{
    private int _seen;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = inner.Read(buffer, offset, count);
        Count(buffer.AsSpan(offset, n));
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Count(ReadOnlySpan<byte> read)
    {
        _seen += read.Count(separator);
        if (_seen > maxSeparators)
        {
            throw new TooManySeparatorsException();
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>More separators than allowed were read.</summary>
    internal sealed class TooManySeparatorsException() : IOException("Too many separators.");
}
