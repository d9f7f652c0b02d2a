using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Bastion.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bastion.Generators.Browser;

/// <summary>
/// Reads <c>[assembly: CorsPolicy]</c> and <c>[SecurityHeaders]</c> literals and checks them with the same
/// rules the runtime applies to configured values (<see cref="OriginRules"/>, <see cref="CspRules"/>).
/// </summary>
internal static class BrowserParser
{
    /// <summary>The header each <c>[SecurityHeaders]</c> property sets, in emission order.</summary>
    internal static readonly (string Property, string Header)[] HeaderProperties =
    {
        ("ContentSecurityPolicy", "Content-Security-Policy"),
        ("FrameOptions", "X-Frame-Options"),
        ("ReferrerPolicy", "Referrer-Policy"),
        ("PermissionsPolicy", "Permissions-Policy"),
        ("CrossOriginOpenerPolicy", "Cross-Origin-Opener-Policy"),
    };

    private static readonly string[] SafelistedMethods = { "GET", "HEAD", "POST" };

    public static AssemblyBrowserModel ParseCorsPolicies(GeneratorAttributeSyntaxContext context) => ParseCorsPolicies(context.Attributes);

    /// <summary>[assembly: CorsPolicy] attributes (of one file for the generator, of one file or all for the analyzer).</summary>
    public static AssemblyBrowserModel ParseCorsPolicies(IEnumerable<AttributeData> attributes)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var policies = new List<CorsPolicyModel>();
        foreach (AttributeData attribute in attributes)
        {
            CorsPolicyModel? policy = ParsePolicy(attribute, diagnostics);
            if (policy is not null)
            {
                policies.Add(policy);
            }
        }

        return new AssemblyBrowserModel(policies.ToEquatableArray(), EquatableArray<HeaderValueModel>.Empty, diagnostics.ToEquatableArray());
    }

    public static AssemblyBrowserModel ParseAssemblyHeaders(GeneratorAttributeSyntaxContext context) => ParseAssemblyHeaders(context.Attributes);

    /// <summary>[assembly: SecurityHeaders] attributes.</summary>
    public static AssemblyBrowserModel ParseAssemblyHeaders(IEnumerable<AttributeData> attributes)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var headers = new List<HeaderValueModel>();
        foreach (AttributeData attribute in attributes)
        {
            headers.AddRange(ParseHeaders(attribute, "of [assembly: SecurityHeaders]", diagnostics));
        }

        return new AssemblyBrowserModel(EquatableArray<CorsPolicyModel>.Empty, headers.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>The header values one <c>[SecurityHeaders]</c> sets, checked; <paramref name="where"/> names it in messages.</summary>
    public static List<HeaderValueModel> ParseHeaders(AttributeData attribute, string where, List<DiagnosticInfo> diagnostics)
    {
        var headers = new List<HeaderValueModel>();
        foreach ((string property, string header) in HeaderProperties)
        {
            if (AttributeArguments.Named<string?>(attribute, property, null) is not { } value)
            {
                continue;
            }

            LocationInfo? location = ArgumentLocation(attribute, property, -1);
            if (header == "Content-Security-Policy")
            {
                foreach (CspFinding finding in CspRules.Check(value))
                {
                    DiagnosticDescriptor descriptor = finding.Kind switch
                    {
                        CspFindingKind.Malformed => DiagnosticDescriptors.HeaderValueInvalid,
                        CspFindingKind.MissingFrameAncestors => DiagnosticDescriptors.CspMissingFrameAncestors,
                        CspFindingKind.MissingObjectSrc => DiagnosticDescriptors.CspMissingObjectSrc,
                        CspFindingKind.IgnoredDirective => DiagnosticDescriptors.CspIgnoredDirective,
                        _ => DiagnosticDescriptors.CspAllowsScriptInjection,
                    };
                    diagnostics.Add(finding.Kind == CspFindingKind.Malformed
                        ? DiagnosticInfo.Create(descriptor, location, header, where, finding.Message)
                        : DiagnosticInfo.Create(descriptor, location, where, value.Length == 0 ? "removing the header leaves no policy, so injected scripts run" : finding.Message));
                }
            }
            else if (value.Any(c => c < ' ' || c > '~'))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HeaderValueInvalid, location, header, where, "control and non-ASCII characters cannot be sent in a header"));
            }

            headers.Add(new HeaderValueModel(header, value));
        }

        return headers;
    }

    private static CorsPolicyModel? ParsePolicy(AttributeData attribute, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        string name = AttributeArguments.Named(attribute, "Name", "default");
        LocationInfo? location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax());
        string[] origins = Strings(attribute.ConstructorArguments.FirstOrDefault());
        bool credentials = AttributeArguments.Named(attribute, "AllowCredentials", false);
        int maxAge = AttributeArguments.Named(attribute, "MaxAgeSeconds", 600);
        if (origins.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CorsWildcardMisuse, location, name, "lists no origins; a policy needs at least one"));
        }

        for (int i = 0; i < origins.Length; i++)
        {
            string origin = origins[i];
            LocationInfo? at = ArgumentLocation(attribute, null, i) ?? location;
            if (origin == "*")
            {
                if (credentials)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CorsWildcardMisuse, at, name, "allows '*' with AllowCredentials: browsers refuse that combination, and it would expose every user's data to every site; list the origins"));
                }
                else if (origins.Length > 1)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CorsWildcardMisuse, at, name, "lists '*' beside other origins; '*' must be the only entry"));
                }

                continue;
            }

            string? problem = OriginRules.Problem(origin);
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CorsOriginInvalid, at, name, origin, problem));
            }
            else if (OriginRules.IsInsecure(origin))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CorsInsecureOrigin, at, name, origin));
            }
        }

        string[] methods = Strings(attribute, "Methods");
        string[] headers = Strings(attribute, "Headers");
        string[] exposed = Strings(attribute, "ExposedHeaders");
        CheckList(attribute, name, "Methods", methods, method: true, diagnostics);
        CheckList(attribute, name, "Headers", headers, method: false, diagnostics);
        CheckList(attribute, name, "ExposedHeaders", exposed, method: false, diagnostics);
        if (maxAge is < 0 or > 86400)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CorsListEntryInvalid, ArgumentLocation(attribute, "MaxAgeSeconds", -1) ?? location, name, maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture), "MaxAgeSeconds", "a preflight cache time is 0 (not sent) to 86400 seconds"));
        }

        if (diagnostics.Count(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error) > before)
        {
            return null;
        }

        return new CorsPolicyModel(
            name,
            origins.ToEquatableArray(),
            (methods.Length == 0 ? SafelistedMethods : methods).ToEquatableArray(),
            headers.ToEquatableArray(),
            exposed.ToEquatableArray(),
            credentials,
            maxAge,
            location);
    }

    private static void CheckList(AttributeData attribute, string policy, string list, string[] values, bool method, List<DiagnosticInfo> diagnostics)
    {
        foreach (string value in values)
        {
            string? problem = OriginRules.ListEntryProblem(value, method);
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CorsListEntryInvalid, ArgumentLocation(attribute, list, -1), policy, value, list, problem));
            }
        }
    }

    /// <summary>Policies declared twice (across files too), found once all files are parsed.</summary>
    public static EquatableArray<DiagnosticInfo> FindDuplicatePolicies(ImmutableArray<AssemblyBrowserModel> models)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var duplicates = new List<DiagnosticInfo>();
        foreach (CorsPolicyModel policy in models.SelectMany(m => m.Policies))
        {
            if (!seen.Add(policy.Name))
            {
                duplicates.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CorsPolicyDuplicate, policy.Location, policy.Name));
            }
        }

        return duplicates.ToEquatableArray();
    }

    private static string[] Strings(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return Strings(argument.Value);
            }
        }

        return System.Array.Empty<string>();
    }

    private static string[] Strings(TypedConstant constant)
        => constant.Kind == TypedConstantKind.Array && !constant.IsNull
            ? constant.Values.Select(v => v.Value as string ?? string.Empty).ToArray()
            : System.Array.Empty<string>();

    /// <summary>The named argument's (or the <paramref name="index"/>th positional argument's) location, for a precise squiggle.</summary>
    private static LocationInfo? ArgumentLocation(AttributeData attribute, string? named, int index)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax { ArgumentList: { } list })
        {
            return null;
        }

        int position = 0;
        foreach (AttributeArgumentSyntax argument in list.Arguments)
        {
            string? argumentName = argument.NameEquals?.Name.Identifier.ValueText;
            if (named is not null && argumentName == named)
            {
                return LocationInfo.From(argument);
            }

            if (named is null && argumentName is null && argument.NameColon is null)
            {
                if (position == index)
                {
                    return LocationInfo.From(argument);
                }

                position++;
            }
        }

        return null;
    }
}
