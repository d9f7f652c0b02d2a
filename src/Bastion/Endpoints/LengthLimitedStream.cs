using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.Endpoints;

/// <summary>
/// Read-only wrapper that fails with <see cref="LengthLimitExceededException"/> once more than its cap has been read.
/// Request bodies (JSON and forms) and each uploaded file are read through one, so a cap holds for chunked bodies and
/// for a body that lies about its length.
/// </summary>
internal sealed class LengthLimitedStream(Stream inner, long maxBytes) : Stream
{
    private long _read;

    /// <summary>The cap in bytes.</summary>
    public long MaxBytes => maxBytes;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int n)
    {
        _read += n;
        if (_read > maxBytes)
        {
            throw new LengthLimitExceededException(this);
        }

        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Thrown by the <see cref="LengthLimitedStream"/> whose cap was passed (<see cref="Stream"/> says which one).</summary>
internal sealed class LengthLimitExceededException(LengthLimitedStream source) : IOException("The content exceeds the configured limit.")
{
    public LengthLimitedStream Stream { get; } = source;
}
