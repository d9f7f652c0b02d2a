using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bastion.Paths;

/// <summary>
/// Reads a JSON string into an unresolved <see cref="SafeFilePath"/> (resolved or refused by Bastion's
/// generated validation) and writes the relative path, so a response never shows the server path.
/// </summary>
public sealed class SafeFilePathJsonConverter : JsonConverter<SafeFilePath>
{
    /// <inheritdoc/>
    public override SafeFilePath Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String
            ? SafeFilePath.FromUnresolved(reader.GetString()!)
            : throw new JsonException("A file path must be a JSON string.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, SafeFilePath value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.RelativePath);
    }
}
