using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator (and its attribute analyzer) reports. Ids are stable; each has a page at
/// docs/rules/BASnnnn.md and a line in AnalyzerReleases.Unshipped.md. The security rules for hand-written code
/// (BAS1301–BAS1306, BAS1410, BAS152x, BAS153x, BAS160x, BAS170x, BAS1801) live in src/Bastion.Analyzers/Rules.cs.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Endpoints = "Bastion.Endpoints";
    private const string Validation = "Bastion.Validation";
    private const string Commands = "Bastion.Commands";
    private const string SqlCategory = "Bastion.Sql";
    private const string Browser = "Bastion.Browser";
    private const string OptionsCategory = "Bastion.Options";

    /// <summary>
    /// Where docs/rules/ is published (the repository address from Directory.Build.props); each rule's page is this
    /// plus "BASnnnn.md". The same pages ship in the package under docs/rules/.
    /// </summary>
    internal const string HelpLinkBase = RepositoryInfo.Url + "/blob/" + RepositoryInfo.Branch + "/docs/rules/";

    public static readonly DiagnosticDescriptor EndpointClassShape = Error(
        "BAS1001", Endpoints, "Endpoint class must be a top-level static partial class",
        "'{0}' must be a non-generic, top-level 'static partial class' for Bastion to generate its endpoints ({1})");

    public static readonly DiagnosticDescriptor UnsupportedParameter = Error(
        "BAS1002", Endpoints, "Endpoint parameter cannot be bound",
        "Parameter '{0}' of '{1}' has type '{2}', which Bastion cannot bind: {3}");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "BAS1003", Endpoints, "Endpoint return type is not supported",
        "'{0}' returns '{1}': {2}");

    public static readonly DiagnosticDescriptor RouteParameterWithoutMethodParameter = Error(
        "BAS1004", Endpoints, "Route parameter has no matching method parameter",
        "Route '{0}' declares '{{{1}}}' but '{2}' has no parameter named '{1}'");

    public static readonly DiagnosticDescriptor RouteBoundParameterNotInTemplate = Error(
        "BAS1005", Endpoints, "[FromRoute] parameter is not in the route template",
        "Parameter '{0}' of '{1}' is bound from the route as '{2}', but route '{3}' has no such parameter");

    public static readonly DiagnosticDescriptor DuplicateRoute = Error(
        "BAS1006", Endpoints, "Two endpoints share a verb and route",
        "{0} {1} is mapped by both '{2}' and '{3}'");

    public static readonly DiagnosticDescriptor MultipleBodies = Error(
        "BAS1007", Endpoints, "More than one parameter is bound from the body",
        "'{0}' binds both '{1}' and '{2}' from the request body; a request has one body");

    public static readonly DiagnosticDescriptor BodyOnSafeVerb = Error(
        "BAS1008", Endpoints, "GET endpoint reads a request body",
        "'{0}' is a GET endpoint but parameter '{1}' would be read from the body; bind it from the route or query, or mark it [FromServices]");

    public static readonly DiagnosticDescriptor EndpointMethodShape = Error(
        "BAS1009", Endpoints, "Endpoint method must be static and non-generic",
        "Endpoint method '{0}' must be static, non-generic and have no ref, out or params parameters");

    public static readonly DiagnosticDescriptor InvalidRouteTemplate = Error(
        "BAS1010", Endpoints, "Route template is invalid",
        "Route '{0}' of '{1}' is not a valid route template: {2}");

    public static readonly DiagnosticDescriptor EndpointOutsideEndpointsClass = Error(
        "BAS1011", Endpoints, "Endpoint attribute outside a [BastionEndpoints] class",
        "'{0}' has [{1}] but its class is not marked [BastionEndpoints], so no endpoint would be generated");

    public static readonly DiagnosticDescriptor UnsafeVerbWithoutCsrfDecision = Warning(
        "BAS1012", Endpoints, "State-changing endpoint without a CSRF decision",
        "{0} {1} ('{2}') changes state but is neither [CsrfProtected] nor [CsrfExempt(\"reason\")]");

    public static readonly DiagnosticDescriptor CsrfProtectedOnSafeVerb = Warning(
        "BAS1013", Endpoints, "[CsrfProtected] on a safe verb",
        "'{0}' is a {1} endpoint: safe verbs are never CSRF-checked, so a {1} that changes state is the real problem; make it POST/PUT/PATCH/DELETE");

    public static readonly DiagnosticDescriptor UnknownCsrfMode = Error(
        "BAS1015", Endpoints, "Unknown CSRF mode",
        "[CsrfProtected] on '{1}' names CSRF mode {0}, which does not exist; use CsrfMode.Origin, CsrfMode.Hybrid or CsrfMode.Token");

    public static readonly DiagnosticDescriptor FormBindingConflict = Error(
        "BAS1016", Endpoints, "Form binding conflict",
        "'{0}' cannot read '{1}' from the form: {2}");

    public static readonly DiagnosticDescriptor FormFieldNotBindable = Error(
        "BAS1017", Endpoints, "Form field cannot be bound",
        "'{0}' of '{1}' has type '{2}', which Bastion cannot bind from a form: {3}");

    public static readonly DiagnosticDescriptor UploadWithoutSafePath = Error(
        "BAS1018", Endpoints, "Uploaded file without a usable [SafePath]",
        "'{0}' of '{1}' receives an uploaded file, but {2}");

    public static readonly DiagnosticDescriptor FormLimitsNotApplicable = Error(
        "BAS1019", Endpoints, "Form limits cannot be applied",
        "{0} on '{1}' cannot be applied: {2}");

    public static readonly DiagnosticDescriptor SanitizeOnNonString = Error(
        "BAS1101", Validation, "[Sanitize] on a member that is not text",
        "[Sanitize] on '{0}' of type '{1}': only string, string? and T[], List<T>, IReadOnlyList<T> or IList<T> of strings can be sanitized");

    public static readonly DiagnosticDescriptor ValidationAttributeNotApplicable = Error(
        "BAS1102", Validation, "Validation attribute cannot be generated for this member",
        "[{0}] on '{1}' of type '{2}' cannot be generated: {3}");

    public static readonly DiagnosticDescriptor InvalidRegularExpression = Error(
        "BAS1103", Validation, "[RegularExpression] pattern is invalid",
        "The [RegularExpression] pattern on '{0}' does not parse: {1}");

    public static readonly DiagnosticDescriptor MemberCannotBeRewritten = Error(
        "BAS1104", Validation, "Sanitized member cannot be written back",
        "'{0}.{1}' is sanitized, so Bastion must write the cleaned value back; make '{0}' a record (positional or with init accessors) or give '{1}' a setter");

    public static readonly DiagnosticDescriptor UnsupportedCollection = Error(
        "BAS1105", Validation, "Collection type cannot be validated",
        "'{0}' has type '{1}'; validated and sanitized collections must be T[], List<T>, IReadOnlyList<T> or IList<T>");

    public static readonly DiagnosticDescriptor UnsupportedValidationAttribute = Error(
        "BAS1106", Validation, "Validation attribute is not enforced by Bastion",
        "[{0}] on '{1}' is a validation attribute Bastion does not generate, so it would never run; use a supported attribute or check the value in the handler");

    public static readonly DiagnosticDescriptor ValidatableObjectNotRun = Error(
        "BAS1107", Validation, "IValidatableObject is not run by Bastion",
        "'{0}' implements IValidatableObject, whose Validate method Bastion does not call (it needs reflection-based ValidationContext); move that check into the handler or a DataAnnotations attribute");

    public static readonly DiagnosticDescriptor SanitizeOnHandlerParameter = Error(
        "BAS1108", Validation, "[Sanitize] on a handler parameter",
        "[Sanitize] on parameter '{0}' of '{1}' would not run: sanitization applies to members of request records; check route, query and header values with validation attributes instead");

    public static readonly DiagnosticDescriptor ValidationOnField = Error(
        "BAS1109", Validation, "Checked member is a field",
        "'{0}.{1}' is a field with [Sanitize] or validation attributes; Bastion checks properties (fields are not bound from JSON by default), so make it a property");

    public static readonly DiagnosticDescriptor SafePathMisuse = Error(
        "BAS1110", "Bastion.Paths", "[SafePath] and SafeFilePath must go together",
        "Parameter '{0}' of '{1}': {2}");

    public static readonly DiagnosticDescriptor UnknownHtmlPolicy = Error(
        "BAS1111", Validation, "Unknown HTML policy",
        "[Sanitize] on '{0}' names HTML policy {1}, which does not exist; use HtmlPolicy.Text, BasicFormatting, Reject or RemoveMarkup");

    public static readonly DiagnosticDescriptor CommandMethodShape = Error(
        "BAS1201", Commands, "[SafeCommand] method has an unsupported shape",
        "'{0}' cannot be generated: {1}");

    public static readonly DiagnosticDescriptor CommandExecutableNotAbsolute = Error(
        "BAS1202", Commands, "[SafeCommand] executable must be an absolute path",
        "'{0}' runs '{1}': {2}");

    public static readonly DiagnosticDescriptor CommandExecutableIsShell = Error(
        "BAS1203", Commands, "[SafeCommand] executable is a shell or interpreter",
        "'{0}' runs '{1}', a shell, command runner or interpreter that would treat its arguments as code; run the target program directly");

    public static readonly DiagnosticDescriptor CommandPlaceholderWithoutParameter = Error(
        "BAS1204", Commands, "[SafeCommand] placeholder has no parameter",
        "'{0}' uses '{{{1}}}' but has no [CommandArg] parameter named '{1}'");

    public static readonly DiagnosticDescriptor CommandParameterNotInTemplate = Error(
        "BAS1205", Commands, "[CommandArg] parameter is not used",
        "Parameter '{1}' of '{0}' is not used by any placeholder of the command template");

    public static readonly DiagnosticDescriptor CommandEmbeddedPlaceholder = Error(
        "BAS1206", Commands, "[SafeCommand] placeholder is glued to other text",
        "Argument \"{1}\" of '{0}' puts a placeholder inside a larger argument; pass the value as its own argument after \"--\", or set AllowEmbeddedPlaceholders = true");

    public static readonly DiagnosticDescriptor InvalidCommandParameter = Error(
        "BAS1207", Commands, "[SafeCommand] parameter is not supported",
        "Parameter '{1}' of '{0}': {2}");

    public static readonly DiagnosticDescriptor InvalidCommandTemplate = Error(
        "BAS1208", Commands, "[SafeCommand] argument template is malformed",
        "Argument \"{1}\" of '{0}': {2}");

    public static readonly DiagnosticDescriptor SqlMethodShape = Error(
        "BAS1401", SqlCategory, "[Sql] method has an unsupported shape",
        "'{0}' cannot be generated: {1}");

    public static readonly DiagnosticDescriptor SqlPlaceholderWithoutParameter = Error(
        "BAS1402", SqlCategory, "SQL placeholder has no single parameter",
        "'{0}': placeholder '@{1}' is ambiguous or unbound: {2}");

    public static readonly DiagnosticDescriptor SqlParameterNotUsed = Error(
        "BAS1403", SqlCategory, "[SqlParam] or [SqlIdentifier] is not used by the statement",
        "'{0}': '{1}' does not appear in the SQL text");

    public static readonly DiagnosticDescriptor SqlPlaceholderInLiteral = Error(
        "BAS1404", SqlCategory, "Placeholder inside a SQL string literal or comment",
        "'{0}': '{1}' is inside a quoted string, quoted identifier or comment, so it would never be bound; move it out of the quotes (the value is passed as a parameter, no quotes needed)");

    public static readonly DiagnosticDescriptor SqlParameterTypeNotSupported = Error(
        "BAS1405", SqlCategory, "[SqlParam] type cannot be bound",
        "'{0}': parameter '{1}' has type '{2}', which Bastion cannot pass as a typed parameter");

    public static readonly DiagnosticDescriptor SqlSelectStar = Warning(
        "BAS1406", SqlCategory, "SELECT * into a mapped type",
        "'{0}' selects * into '{1}': name the columns, so a new column (a password hash, say) is never read and mapped by accident");

    public static readonly DiagnosticDescriptor SqlIdentifierInvalid = Error(
        "BAS1407", SqlCategory, "[SqlIdentifier] placeholder cannot be generated",
        "'{0}': '{1}': {2}");

    public static readonly DiagnosticDescriptor SqlCollectionPlacement = Error(
        "BAS1408", SqlCategory, "Collection parameter outside IN or ANY",
        "'{0}': collection parameter '{1}' must be used exactly once, as 'IN @{1}', 'IN (@{1})' or '= ANY(@{1})', and a single value never there");

    public static readonly DiagnosticDescriptor SqlResultTypeNotSupported = Error(
        "BAS1409", SqlCategory, "[Sql] result type cannot be read",
        "'{0}' returns '{1}': {2}");

    public static readonly DiagnosticDescriptor MetadataAttributeNotCarried = Error(
        "BAS1014", Endpoints, "ASP.NET Core attribute cannot be carried to the endpoint",
        "[{0}] on '{1}' (or its class) has arguments Bastion cannot re-create, so it would not apply to the endpoint; use constant arguments or set it with a convention on the mapped group");

    public static readonly DiagnosticDescriptor CorsOriginInvalid = Error(
        "BAS1501", Browser, "CORS origin is not an origin browsers send",
        "CORS policy '{0}' lists '{1}', which never matches a browser's Origin header: {2}");

    public static readonly DiagnosticDescriptor CorsWildcardMisuse = Error(
        "BAS1502", Browser, "CORS '*' with credentials or beside other origins",
        "CORS policy '{0}' {1}");

    public static readonly DiagnosticDescriptor CorsInsecureOrigin = Warning(
        "BAS1503", Browser, "CORS origin uses plain http",
        "CORS policy '{0}' allows '{1}', a plain-http origin whose pages an on-path attacker can change; use https (loopback hosts are exempt)");

    public static readonly DiagnosticDescriptor CorsListEntryInvalid = Error(
        "BAS1504", Browser, "CORS method or header cannot be listed",
        "CORS policy '{0}' lists '{1}' in {2}: {3}");

    public static readonly DiagnosticDescriptor CorsPolicyDuplicate = Error(
        "BAS1505", Browser, "Two CORS policies share a name",
        "CORS policy '{0}' is declared twice; give each [assembly: CorsPolicy] its own Name");

    public static readonly DiagnosticDescriptor CspAllowsScriptInjection = Warning(
        "BAS1510", Browser, "Content-Security-Policy lets injected script run",
        "Content-Security-Policy {0}: {1}");

    public static readonly DiagnosticDescriptor CspMissingFrameAncestors = Warning(
        "BAS1511", Browser, "Content-Security-Policy has no frame-ancestors",
        "Content-Security-Policy {0}: {1}");

    public static readonly DiagnosticDescriptor CspMissingObjectSrc = Warning(
        "BAS1512", Browser, "Content-Security-Policy has no object-src",
        "Content-Security-Policy {0}: {1}");

    public static readonly DiagnosticDescriptor CspIgnoredDirective = Warning(
        "BAS1513", Browser, "Content-Security-Policy directive is ignored by browsers",
        "Content-Security-Policy {0}: {1}");

    public static readonly DiagnosticDescriptor HeaderValueInvalid = Error(
        "BAS1514", Browser, "Security header value cannot be sent",
        "{0} {1}: {2}");

    public static readonly DiagnosticDescriptor OptionsTypeShape = Error(
        "BAS1604", OptionsCategory, "[BastionOptions] type cannot be generated",
        "'{0}' cannot be bound by Bastion: {1}");

    public static readonly DiagnosticDescriptor OptionsMemberNotBindable = Error(
        "BAS1605", OptionsCategory, "Options member cannot be bound",
        "'{0}.{1}' cannot be bound from configuration: {2}");

    public static readonly DiagnosticDescriptor SecretNotText = Error(
        "BAS1606", OptionsCategory, "[Secret] on a member that is not a string",
        "[Secret] '{0}.{1}' has type '{2}'; secrets are strings (decode keys where they are used)");

    public static readonly DiagnosticDescriptor SecretHolderNotPartial = Error(
        "BAS1607", OptionsCategory, "Type holding [Secret] members cannot be redacted",
        "'{0}' holds [Secret] member '{1}' but is not a top-level partial class or record, so Bastion cannot write its ToString to hide the value");

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message)
        => new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + id + ".md");

    /// <summary>
    /// The rules the generator's parsers find (reported by <see cref="AttributeDiagnosticsAnalyzer"/>); every other rule
    /// here belongs to an analyzer of hand-written code. A test checks that each rule has exactly one reporter.
    /// </summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> AttributeRules = ImmutableArray.Create(
        BodyOnSafeVerb,
        CommandEmbeddedPlaceholder,
        CommandExecutableIsShell,
        CommandExecutableNotAbsolute,
        CommandMethodShape,
        CommandParameterNotInTemplate,
        CommandPlaceholderWithoutParameter,
        CorsInsecureOrigin,
        CorsListEntryInvalid,
        CorsOriginInvalid,
        CorsPolicyDuplicate,
        CorsWildcardMisuse,
        CspAllowsScriptInjection,
        CspIgnoredDirective,
        CspMissingFrameAncestors,
        CspMissingObjectSrc,
        CsrfProtectedOnSafeVerb,
        DuplicateRoute,
        EndpointClassShape,
        EndpointMethodShape,
        FormBindingConflict,
        FormFieldNotBindable,
        FormLimitsNotApplicable,
        HeaderValueInvalid,
        InvalidCommandParameter,
        InvalidCommandTemplate,
        InvalidRegularExpression,
        InvalidRouteTemplate,
        MemberCannotBeRewritten,
        MetadataAttributeNotCarried,
        MultipleBodies,
        OptionsMemberNotBindable,
        OptionsTypeShape,
        RouteBoundParameterNotInTemplate,
        RouteParameterWithoutMethodParameter,
        SafePathMisuse,
        SanitizeOnHandlerParameter,
        SanitizeOnNonString,
        SecretHolderNotPartial,
        SecretNotText,
        SqlCollectionPlacement,
        SqlIdentifierInvalid,
        SqlMethodShape,
        SqlParameterNotUsed,
        SqlParameterTypeNotSupported,
        SqlPlaceholderInLiteral,
        SqlPlaceholderWithoutParameter,
        SqlResultTypeNotSupported,
        SqlSelectStar,
        UnknownCsrfMode,
        UnknownHtmlPolicy,
        UnsafeVerbWithoutCsrfDecision,
        UnsupportedCollection,
        UnsupportedParameter,
        UnsupportedReturnType,
        UnsupportedValidationAttribute,
        UploadWithoutSafePath,
        ValidatableObjectNotRun,
        ValidationAttributeNotApplicable,
        ValidationOnField);

    private static DiagnosticDescriptor Error(string id, string category, string title, string message)
        => new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + id + ".md");
}
