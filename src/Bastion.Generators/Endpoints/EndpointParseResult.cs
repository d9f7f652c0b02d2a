using Bastion.Generators.Shared;

namespace Bastion.Generators.Endpoints;

/// <summary>The parser's output for one class: a model (null when an error was found) and its diagnostics.</summary>
internal sealed record EndpointParseResult(EndpointClassModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
