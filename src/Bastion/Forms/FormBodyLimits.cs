using System;
using System.Collections.Generic;
using Bastion.Endpoints;

namespace Bastion.Forms;

/// <summary>
/// What one form endpoint accepts, built once when it is mapped: the body cap, how many fields, how long a value,
/// how large a file, and which field names it binds (<see cref="Fields"/> as text, <see cref="FileFields"/> as
/// uploads). Names are matched case-insensitively, as ASP.NET Core's form collection does. Only bound names are kept
/// by <see cref="FormBody.ReadAsync"/>; every other field is counted and dropped, and a file under any other name is
/// read past, never buffered.
/// </summary>
public sealed class FormBodyLimits
{
    /// <summary>Default of <see cref="MaxFields"/>: fields a request may carry, bound or not.</summary>
    public const int DefaultMaxFields = 64;

    /// <summary>Default of <see cref="MaxValueLength"/>, in characters (the same as <c>[Sanitize]</c>'s input cap).</summary>
    public const int DefaultMaxValueLength = 65536;

    /// <summary>Longest field name read, in characters; a longer one is refused (no bound name is that long).</summary>
    public const int MaxFieldNameLength = 256;

    private readonly HashSet<string> _fields;
    private readonly HashSet<string> _fileFields;
    private readonly int _maxFields = DefaultMaxFields;
    private readonly int _maxValueLength = DefaultMaxValueLength;
    private readonly long _maxFileBytes;

    /// <summary>
    /// Limits for a form of at most <paramref name="maxBodyBytes"/> bytes (zero or less: <see cref="JsonBody.DefaultMaxBytes"/>)
    /// binding <paramref name="fields"/> as text and <paramref name="fileFields"/> as files.
    /// </summary>
    public FormBodyLimits(long maxBodyBytes, string[] fields, string[] fileFields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(fileFields);
        MaxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : JsonBody.DefaultMaxBytes;
        _maxFileBytes = MaxBodyBytes;
        _fields = Names(fields, nameof(fields));
        _fileFields = Names(fileFields, nameof(fileFields));
        if (_fields.Overlaps(_fileFields))
        {
            throw new ArgumentException("A field name is bound both as text and as a file.", nameof(fileFields));
        }
    }

    /// <summary>Largest body, in bytes (the verb attribute's <c>MaxRequestBodySize</c>).</summary>
    public long MaxBodyBytes { get; }

    /// <summary>Most fields one request may carry, counting every name/value pair or multipart part.</summary>
    public int MaxFields
    {
        get => _maxFields;
        init => _maxFields = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxFields must be positive.");
    }

    /// <summary>Longest value of a bound field, in characters.</summary>
    public int MaxValueLength
    {
        get => _maxValueLength;
        init => _maxValueLength = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxValueLength must be positive.");
    }

    /// <summary>Largest uploaded file, in bytes (default: <see cref="MaxBodyBytes"/>).</summary>
    public long MaxFileBytes
    {
        get => _maxFileBytes;
        init => _maxFileBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxFileBytes must be positive.");
    }

    /// <summary>The field names bound as text.</summary>
    public IReadOnlyCollection<string> Fields => _fields;

    /// <summary>The field names bound as uploaded files.</summary>
    public IReadOnlyCollection<string> FileFields => _fileFields;

    /// <summary>
    /// The bound spelling of <paramref name="name"/> when it is a text field. The antiforgery token field
    /// (<see cref="Csrf.CsrfCheck.TokenFieldName"/>) is always kept, for the CSRF check of the token modes.
    /// </summary>
    internal bool TryGetField(string name, out string canonical)
    {
        if (_fields.TryGetValue(name, out canonical!))
        {
            return true;
        }

        canonical = Csrf.CsrfCheck.TokenFieldName;
        return string.Equals(name, canonical, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The bound spelling of <paramref name="name"/> when it is a file field.</summary>
    internal bool TryGetFileField(string name, out string canonical) => _fileFields.TryGetValue(name, out canonical!);

    private static HashSet<string> Names(string[] names, string parameter)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in names)
        {
            if (string.IsNullOrEmpty(name) || name.Length > MaxFieldNameLength)
            {
                throw new ArgumentException($"Field names must have 1 to {MaxFieldNameLength} characters.", parameter);
            }

            if (!set.Add(name))
            {
                throw new ArgumentException($"The field name '{name}' is listed twice.", parameter);
            }
        }

        return set;
    }
}
