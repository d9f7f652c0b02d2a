using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bastion.Samples.Api.Comments;

namespace Bastion.Samples.Api;

/// <summary>JSON metadata for every type the sample's endpoints read or write (NativeAOT needs it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateComment))]
[JsonSerializable(typeof(CommentView))]
[JsonSerializable(typeof(IReadOnlyList<CommentView>))]
[JsonSerializable(typeof(HealthView))]
[JsonSerializable(typeof(Diagnostics.PingReport))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
