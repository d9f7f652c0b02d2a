using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bastion.Forms;

/// <summary>
/// The reading half of <see cref="FormBody"/>, one per request: ASP.NET Core's own readers (<see cref="FormPipeReader"/>,
/// <see cref="MultipartReader"/>, <see cref="FileBufferingReadStream"/>) under Bastion's caps, keeping only bound names.
/// A cap it checks itself comes back as the problem to send; the stream caps throw and <see cref="FormBody"/> maps them.
/// </summary>
internal sealed class FormBodyReader(HttpContext httpContext, FormBodyLimits limits)
{
    /// <summary>Uploads up to this size stay in memory; larger ones go to a temporary file.</summary>
    private const int MemoryThreshold = 64 * 1024;

    // Case-insensitive like ASP.NET Core's form collection, so "Content" and "content" are one field sent twice.
    private readonly Dictionary<string, StringValues> _fields = new(StringComparer.OrdinalIgnoreCase);
    private FormFileCollection? _files;
    private int _count;

    /// <summary>The bound name of the upload being buffered (for the 413 that names it).</summary>
    public string? FileBeingRead { get; private set; }

    private CancellationToken Aborted => httpContext.RequestAborted;

    public async Task<IResult?> ReadUrlEncodedAsync(Stream body)
    {
        // Fields are counted on the raw bytes as they arrive ('&' separates them), so a body of a million empty
        // fields is refused after MaxFields of them, not parsed into a million strings first.
        var counted = new SeparatorCountingStream(body, (byte)'&', limits.MaxFields - 1);
        PipeReader pipe = PipeReader.Create(counted, new StreamPipeReaderOptions(leaveOpen: true));
        var reader = new FormPipeReader(pipe, Encoding.UTF8)
        {
            ValueCountLimit = int.MaxValue,
            KeyLengthLimit = int.MaxValue / 4,
            ValueLengthLimit = int.MaxValue / 4,
        };
        Dictionary<string, StringValues> read;
        try
        {
            read = await reader.ReadFormAsync(Aborted).ConfigureAwait(false);
        }
        catch (SeparatorCountingStream.TooManySeparatorsException)
        {
            return BastionProblems.TooManyFormFields(limits.MaxFields);
        }
        catch (InvalidDataException)
        {
            // Only a key or value over the reader's lengths (a quarter of 2 GiB) gets here: larger than any sane form.
            return BastionProblems.PayloadTooLarge(limits.MaxBodyBytes);
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }

        foreach ((string key, StringValues values) in read)
        {
            if (key.Length > FormBodyLimits.MaxFieldNameLength)
            {
                return BastionProblems.FormFieldNameTooLong(FormBodyLimits.MaxFieldNameLength);
            }

            if (!limits.TryGetField(key, out string name))
            {
                continue; // Not bound: counted, then dropped.
            }

            foreach (string? value in values)
            {
                if (value is not null && value.Length > limits.MaxValueLength)
                {
                    return BastionProblems.FormValueTooLong(name, limits.MaxValueLength);
                }
            }

            _fields[name] = values;
        }

        return null;
    }

    public async Task<IResult?> ReadMultipartAsync(Stream body, string boundary)
    {
        var reader = new MultipartReader(boundary, body)
        {
            HeadersCountLimit = MultipartReader.DefaultHeadersCountLimit,
            HeadersLengthLimit = MultipartReader.DefaultHeadersLengthLimit,
        };
        for (MultipartSection? section = await reader.ReadNextSectionAsync(Aborted).ConfigureAwait(false);
             section is not null;
             section = await reader.ReadNextSectionAsync(Aborted).ConfigureAwait(false))
        {
            if (++_count > limits.MaxFields)
            {
                return BastionProblems.TooManyFormFields(limits.MaxFields);
            }

            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                return BastionProblems.MalformedForm();
            }

            string key = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (key.Length == 0)
            {
                return BastionProblems.MalformedForm();
            }

            if (key.Length > FormBodyLimits.MaxFieldNameLength)
            {
                return BastionProblems.FormFieldNameTooLong(FormBodyLimits.MaxFieldNameLength);
            }

            // filename* (RFC 5987, percent-decoded) wins over filename, as in ASP.NET Core; both may carry anything.
            StringSegment rawFileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
            string? fileName = rawFileName.HasValue ? HeaderUtilities.RemoveQuotes(rawFileName).ToString() : null;
            IResult? problem = fileName is null
                ? await ReadTextAsync(section, key).ConfigureAwait(false)
                : await ReadFileAsync(section, key, fileName).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The bound fields and files.</summary>
    public IFormCollection ToForm() => new FormCollection(_fields, _files);

    private async Task<IResult?> ReadTextAsync(MultipartSection section, string key)
    {
        if (!limits.TryGetField(key, out string name))
        {
            await section.Body.DrainAsync(Aborted).ConfigureAwait(false);
            return null;
        }

        // Text parts are UTF-8 whatever the part says (browsers send UTF-8 from UTF-8 pages); the body cap bounds the read.
        using var text = new StreamReader(section.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var value = new StringBuilder();
        char[] buffer = new char[4096];
        for (int n; (n = await text.ReadAsync(buffer.AsMemory(), Aborted).ConfigureAwait(false)) > 0;)
        {
            if (value.Length + n > limits.MaxValueLength)
            {
                return BastionProblems.FormValueTooLong(name, limits.MaxValueLength);
            }

            value.Append(buffer, 0, n);
        }

        _fields[name] = _fields.TryGetValue(name, out StringValues existing) ? StringValues.Concat(existing, value.ToString()) : new StringValues(value.ToString());
        return null;
    }

    private async Task<IResult?> ReadFileAsync(MultipartSection section, string key, string fileName)
    {
        // A file input left empty is sent as a part with an empty file name: no file was chosen.
        if (!limits.TryGetFileField(key, out string name) || fileName.Length == 0)
        {
            await section.Body.DrainAsync(Aborted).ConfigureAwait(false);
            return null;
        }

        FileBeingRead = name;
        var capped = new LengthLimitedStream(section.Body, limits.MaxFileBytes);
        var buffered = new FileBufferingReadStream(capped, MemoryThreshold);
        httpContext.Response.RegisterForDisposeAsync(buffered);
        await buffered.DrainAsync(Aborted).ConfigureAwait(false);
        buffered.Seek(0, SeekOrigin.Begin);
        FileBeingRead = null;

        var file = new FormFile(buffered, 0, buffered.Length, name, fileName)
        {
            Headers = new HeaderDictionary(section.Headers),
        };
        (_files ??= new FormFileCollection()).Add(file);
        return null;
    }
}
