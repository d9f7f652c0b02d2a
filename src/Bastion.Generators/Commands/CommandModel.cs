using Bastion.Generators.Shared;

namespace Bastion.Generators.Commands;

/// <summary>A [SafeCommand] method: everything the emitter needs, as plain data.</summary>
internal sealed record CommandModel(
    string? Namespace,
    string ContainingTypeDeclaration,
    string ContainingTypeName,
    string MethodDeclaration,
    string MethodName,
    EquatableArray<CommandParameterModel> Parameters,
    string? CancellationTokenName,
    string Executable,
    EquatableArray<CommandArgumentModel> Arguments,
    int TimeoutSeconds,
    int MaxOutputBytes,
    EquatableArray<string> Environment,
    string TemplateText,
    string HintName,
    NameScope? Scope = null);

/// <summary>How a <see cref="CommandParameterModel"/> becomes text.</summary>
internal enum CommandValueKind
{
    String,
    Integer,
}

/// <summary>A [CommandArg] parameter and its checks.</summary>
internal sealed record CommandParameterModel(
    string Name,
    string Identifier,
    CommandValueKind Kind,
    string? Pattern,
    int PatternTimeoutMilliseconds,
    int MaxLength,
    bool AllowLeadingDash);

/// <summary>One argument of the template: literal text and placeholders, in order.</summary>
internal sealed record CommandArgumentModel(EquatableArray<CommandTemplatePiece> Pieces);

/// <summary>Literal text, or (when <see cref="IsParameter"/>) the name of a parameter.</summary>
internal sealed record CommandTemplatePiece(string Text, bool IsParameter);

/// <summary>The parser's output for one method: a model (null when an error was found) and its diagnostics.</summary>
internal sealed record CommandParseResult(CommandModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, PartialMethodStub? Stub = null);
