using Bastion.Generators.Shared;

namespace Bastion.Generators.Browser;

/// <summary>One <c>[assembly: CorsPolicy]</c> after its literals passed the compile-time checks.</summary>
internal sealed record CorsPolicyModel(
    string Name,
    EquatableArray<string> Origins,
    EquatableArray<string> Methods,
    EquatableArray<string> Headers,
    EquatableArray<string> ExposedHeaders,
    bool AllowCredentials,
    int MaxAgeSeconds,
    LocationInfo? Location);

/// <summary>A security header value set by <c>[SecurityHeaders]</c>; an empty <see cref="Value"/> removes the header.</summary>
internal sealed record HeaderValueModel(string Name, string Value);

/// <summary>The assembly attributes of one file: CORS policies and the app's header values.</summary>
internal sealed record AssemblyBrowserModel(
    EquatableArray<CorsPolicyModel> Policies,
    EquatableArray<HeaderValueModel> Headers,
    EquatableArray<DiagnosticInfo> Diagnostics);
