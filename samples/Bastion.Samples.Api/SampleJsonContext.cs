using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bastion.Samples.Api.Comments;

namespace Bastion.Samples.Api;

/// <summary>
/// JSON metadata for every type the sample's endpoints read or write, and for every route, query and header parameter
/// type OpenAPI describes (NativeAOT has no reflection-based JSON to fall back on).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateComment))]
[JsonSerializable(typeof(Guestbook.GuestbookForm))]
[JsonSerializable(typeof(CommentView))]
[JsonSerializable(typeof(IReadOnlyList<CommentView>))]
[JsonSerializable(typeof(HealthView))]
[JsonSerializable(typeof(Diagnostics.PingReport))]
[JsonSerializable(typeof(CommentOrder))]
[JsonSerializable(typeof(Partners.CallerView))]
[JsonSerializable(typeof(Partners.TokenView))]
[JsonSerializable(typeof(Partners.NoteText))]
[JsonSerializable(typeof(Partners.SealedNote))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
