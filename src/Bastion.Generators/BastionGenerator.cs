using System.Collections.Immutable;
using System.Linq;
using Bastion.Generators.Browser;
using Bastion.Generators.Commands;
using Bastion.Generators.Endpoints;
using Bastion.Generators.Manifest;
using Bastion.Generators.Options;
using Bastion.Generators.Registration;
using Bastion.Generators.Shared;
using Bastion.Generators.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.Generators;

/// <summary>
/// Bastion's incremental generator. Data flows one way: attribute -> parser -> plain model -> emitter.
/// Only models (no symbols, syntax or compilations) leave the parse step, so unrelated edits are cached. The parsers'
/// findings are reported by <see cref="Diagnostics.AttributeDiagnosticsAnalyzer"/>, not here: a generator error would
/// stop the compiler before any analyzer runs, hiding Bastion's other findings until the next build.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BastionGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<EndpointParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeNames.BastionEndpointsAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (ctx, ct) => EndpointParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.EndpointClasses);

        IncrementalValuesProvider<EndpointClassModel> models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.EndpointModels);
        context.RegisterSourceOutput(models, static (spc, model)
            => spc.AddSource(model.HintName + ".Endpoints.g.cs", EndpointEmitter.Emit(model)));

        // Assembly attributes: [CorsPolicy] (any number, any file) and [SecurityHeaders] (the app's header values).
        IncrementalValuesProvider<AssemblyBrowserModel> corsFiles = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeNames.CorsPolicyAttribute,
                predicate: static (node, _) => node is CompilationUnitSyntax,
                transform: static (ctx, _) => BrowserParser.ParseCorsPolicies(ctx))
            .WithTrackingName(TrackingNames.CorsPolicies);
        IncrementalValuesProvider<AssemblyBrowserModel> headerFiles = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeNames.SecurityHeadersAttribute,
                predicate: static (node, _) => node is CompilationUnitSyntax,
                transform: static (ctx, _) => BrowserParser.ParseAssemblyHeaders(ctx))
            .WithTrackingName(TrackingNames.AssemblyHeaders);
        IncrementalValueProvider<ImmutableArray<AssemblyBrowserModel>> allCors = corsFiles.Collect();
        IncrementalValueProvider<AssemblyBrowserModel> browser = allCors
            .Combine(headerFiles.Collect())
            .Select(static (pair, _) => new AssemblyBrowserModel(
                pair.Left.SelectMany(m => m.Policies).GroupBy(p => p.Name).Select(g => g.First()).ToEquatableArray(),
                pair.Right.SelectMany(m => m.Headers).ToEquatableArray(),
                EquatableArray<DiagnosticInfo>.Empty))
            .WithTrackingName(TrackingNames.BrowserPolicies);

        IncrementalValueProvider<ImmutableArray<EndpointClassModel>> all = models
            .Collect()
            .WithTrackingName(TrackingNames.AllEndpointModels);
        context.RegisterSourceOutput(all.Combine(browser), static (spc, pair)
            => spc.AddSource("BastionEndpointRouteBuilderExtensions.g.cs", EndpointRegistryEmitter.Emit(pair.Left, pair.Right)));

        IncrementalValuesProvider<CommandParseResult> parsedCommands = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeNames.SafeCommandAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (ctx, ct) => CommandParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.CommandMethods);
        IncrementalValuesProvider<CommandModel> commands = parsedCommands
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.CommandModels);
        context.RegisterSourceOutput(commands, static (spc, model)
            => spc.AddSource(model.HintName + ".Command.g.cs", CommandEmitter.Emit(model)));
        RegisterStubs(context, parsedCommands.Select(static (result, _) => result.Stub));

        IncrementalValuesProvider<SqlParseResult> parsedSql = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeNames.SqlAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (ctx, ct) => SqlParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.SqlMethods);
        IncrementalValuesProvider<SqlMethodModel> queries = parsedSql
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.SqlModels);
        context.RegisterSourceOutput(queries, static (spc, model)
            => spc.AddSource(model.HintName + ".Sql.g.cs", SqlEmitter.Emit(model)));
        RegisterStubs(context, parsedSql.Select(static (result, _) => result.Stub));
        // One reader per row type, whichever methods return it; the per-method steps above stay per method.
        IncrementalValuesProvider<SqlRowModel> rowReaders = queries
            .Where(static model => model.Row is not null)
            .Select(static (model, _) => model.Row!)
            .Collect()
            .Select(static (rows, _) => SqlReaderEmitter.Distinct(rows))
            .WithTrackingName(TrackingNames.SqlRowReaders)
            .SelectMany(static (rows, _) => rows);
        context.RegisterSourceOutput(rowReaders, static (spc, row)
            => spc.AddSource(row.HintName + ".g.cs", SqlReaderEmitter.Emit(row)));

        IncrementalValuesProvider<OptionsParseResult> parsedOptions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeNames.BastionOptionsAttribute,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (ctx, ct) => OptionsParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.OptionsTypes);
        IncrementalValuesProvider<OptionsClassModel> options = parsedOptions
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.OptionsModels);
        context.RegisterSourceOutput(options, static (spc, model)
            => spc.AddSource(model.HintName + ".Options.g.cs", OptionsEmitter.Emit(model)));

        // One AddBastion() for the assembly: options types, and antiforgery only when an endpoint is pinned to a token mode.
        IncrementalValueProvider<RegistrationModel> registration = options
            .Select(static (model, _) => model.FullyQualifiedName)
            .Collect()
            .Combine(models.Select(static (model, _) => model.Endpoints.Any(e => CsrfDecision.NeedsTokens(e.CsrfMode))).Collect())
            .Select(static (pair, _) => new RegistrationModel(
                pair.Left.OrderBy(name => name, System.StringComparer.Ordinal).ToEquatableArray(),
                pair.Right.Contains(true)))
            .WithTrackingName(TrackingNames.Registration);
        context.RegisterSourceOutput(registration, static (spc, model) =>
        {
            if (!model.IsEmpty)
            {
                spc.AddSource("BastionRegistration.g.cs", RegistrationEmitter.Emit(model));
            }
        });

        IncrementalValueProvider<EquatableArray<ManifestRow>> rows = models
            .SelectMany(static (model, _) => EndpointManifest.Rows(model))
            .Collect()
            .Combine(commands.Select(static (model, _) => CommandManifest.Row(model)).Collect())
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right))
            .Combine(queries.Select(static (model, _) => SqlManifest.Row(model)).Collect())
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right))
            .Combine(browser)
            .Select(static (pair, _) => pair.Left.AddRange(BrowserManifest.Rows(pair.Right)))
            .Combine(options.Select(static (model, _) => OptionsManifest.Row(model)).Collect())
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right).ToEquatableArray())
            .WithTrackingName(TrackingNames.ManifestRows);
        context.RegisterSourceOutput(rows, static (spc, manifestRows)
            => spc.AddSource("BastionSecurityManifest.g.cs", ManifestEmitter.Emit(ManifestEmitter.Markdown(manifestRows))));
    }

    /// <summary>Throwing bodies for partial methods that failed (their error is reported by the analyzer).</summary>
    private static void RegisterStubs(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<PartialMethodStub?> stubs)
        => context.RegisterSourceOutput(stubs.Where(static stub => stub is not null), static (spc, stub) => spc.AddSource(stub!.HintName, stub.Emit()));
}
