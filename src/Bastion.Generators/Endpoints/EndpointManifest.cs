using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Shared;
using Bastion.Generators.Validation;

namespace Bastion.Generators.Endpoints;

/// <summary>The endpoints feature's contribution to the security manifest.</summary>
internal static class EndpointManifest
{
    private static readonly EquatableArray<string> Headers = new[]
    {
        "Verb", "Route", "Handler", "Auth / CSRF", "CORS / headers", "Request body", "Sanitized fields", "Validated fields",
    }.ToEquatableArray();

    public static EquatableArray<ManifestRow> Rows(EndpointClassModel model)
    {
        var rows = new List<ManifestRow>();
        foreach (EndpointModel endpoint in model.Endpoints)
        {
            EndpointParameterModel? body = endpoint.Parameters.FirstOrDefault(p => p.Source == ParameterSource.Body);
            var sanitized = new SortedSet<string>(System.StringComparer.Ordinal);
            var validated = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (EndpointParameterModel record in endpoint.Parameters.Where(p => p.Source is ParameterSource.Body or ParameterSource.Form && p.ValidatorMethod is not null))
            {
                Walk(model, record.ValidatorMethod!, string.Empty, sanitized, validated, new HashSet<string>());
            }

            foreach (EndpointParameterModel parameter in endpoint.Parameters.Where(p => p.SafePath is not null))
            {
                validated.Add(parameter.BindingName + " (" + parameter.Source.ToString().ToLowerInvariant() + ") SafePath under " + parameter.SafePath!.Root
                    + (parameter.SafePath.AllowedExtensions.IsEmpty ? string.Empty : " " + string.Join("|", parameter.SafePath.AllowedExtensions)));
            }

            foreach (EndpointParameterModel parameter in endpoint.Parameters.Where(p => !p.Rules.IsEmpty))
            {
                validated.Add(parameter.BindingName + " (" + parameter.Source.ToString().ToLowerInvariant() + ") " + string.Join(" ", parameter.Rules.Select(r => r.Kind.ToString())));
            }

            string bodyText = endpoint.FormLimits is not null ? FormText(model, endpoint)
                : body is null ? "none" : ShortName(body.ValueTypeName) + " (JSON, max " + EndpointParser.Int(endpoint.MaxBodyBytes) + " bytes)";
            rows.Add(new ManifestRow("Endpoints", Headers, new[]
            {
                endpoint.Verb,
                endpoint.Route,
                model.ClassName + "." + endpoint.MethodName,
                Protection(endpoint),
                (endpoint.CorsPolicy ?? "default") + string.Concat(endpoint.ResponseHeaders.Select(h => h.Value.Length == 0 ? "; removes " + h.Name : "; " + h.Name + ": " + h.Value)),
                bodyText,
                sanitized.Count == 0 ? "none" : string.Join(", ", sanitized),
                validated.Count == 0 ? "none" : string.Join(", ", validated),
            }.ToEquatableArray()));
        }

        return rows.ToEquatableArray();
    }

    /// <summary>The protection column: authorization, API key, CSRF (or why not), or "none" when there is nothing.</summary>
    private static string Protection(EndpointModel endpoint)
    {
        string csrf = endpoint.CsrfProtected ? "CSRF " + (endpoint.CsrfMode ?? "per Bastion:Csrf:Mode")
            : endpoint.CsrfExemptReason is { } reason ? "exempt: " + reason
            : endpoint.RequireApiKey ? "not needed" : "none";
        string before = Authorization(endpoint) + (endpoint.RequireApiKey ? "API key (X-Api-Key); " : string.Empty);
        return before.Length > 0 && csrf == "none" ? before.Substring(0, before.Length - 2) : before + csrf;
    }

    /// <summary>
    /// What ASP.NET Core authorization the endpoint carries (summarised from its attributes' types when it was parsed), so
    /// the manifest never shows an authorized endpoint as unprotected: <c>[AllowAnonymous]</c> wins, as it does at run time.
    /// </summary>
    private static string Authorization(EndpointModel endpoint) => endpoint.Authorization is { } summary ? summary + "; " : string.Empty;

    private static void Walk(EndpointClassModel model, string method, string prefix, SortedSet<string> sanitized, SortedSet<string> validated, HashSet<string> visiting)
    {
        ValidatedTypeModel? type = model.ValidatedTypes.FirstOrDefault(t => t.MethodName == method);
        if (type is null || !visiting.Add(method))
        {
            return;
        }

        foreach (ValidatedMemberModel member in type.Members)
        {
            string path = prefix + member.JsonName;
            if (member.Sanitize is not null)
            {
                sanitized.Add(path + (member.Shape == MemberShape.Collection ? "[]" : string.Empty) + " (" + member.Sanitize.Policy + ")");
            }

            if (member.Rules.Count > 0)
            {
                validated.Add(path + " " + string.Join(" ", member.Rules.Select(r => r.Kind.ToString())));
            }

            if (member.SafePathIndex >= 0 && member.SafePathIndex < model.BodyPaths.Count)
            {
                SafePathModel guard = model.BodyPaths[member.SafePathIndex].Guard;
                validated.Add(path + " SafePath under " + guard.Root + (guard.AllowedExtensions.IsEmpty ? string.Empty : " " + string.Join("|", guard.AllowedExtensions)));
            }

            if (member.NestedMethod is not null)
            {
                Walk(model, member.NestedMethod, path + ".", sanitized, validated, visiting);
            }

            if (member.ElementMethod is not null)
            {
                Walk(model, member.ElementMethod, path + "[].", sanitized, validated, visiting);
            }
        }

        visiting.Remove(method);
    }

    /// <summary>
    /// "App.NewPost (form: title, content, upload (file); max 1048576 bytes, 64 fields)": the records the form binds (as a
    /// JSON row names its body type), then every field the endpoint binds and the limits.
    /// </summary>
    private static string FormText(EndpointClassModel model, EndpointModel endpoint)
    {
        FormLimitsModel limits = endpoint.FormLimits!;
        string fields = string.Join(", ", FormRules.Fields(endpoint.Parameters, model.FormTypes).Select(f => f.IsFile ? f.Name + " (file)" : f.Name));
        string records = string.Join(", ", endpoint.Parameters.Where(p => p.FormBinder is not null).Select(p => ShortName(p.ValueTypeName)));
        string caps = "max " + EndpointParser.Int(endpoint.MaxBodyBytes) + " bytes"
            + (limits.MaxFields > 0 ? ", " + EndpointParser.Int(limits.MaxFields) + " fields" : string.Empty)
            + (limits.MaxValueLength > 0 ? ", values of " + EndpointParser.Int(limits.MaxValueLength) + " characters" : string.Empty)
            + (limits.MaxFileBytes > 0 ? ", files of " + EndpointParser.Int(limits.MaxFileBytes) + " bytes" : string.Empty);
        return records.Length > 0 ? records + " (form: " + fields + "; " + caps + ")" : "form: " + fields + " (" + caps + ")";
    }

    private static string ShortName(string typeName)
    {
        string name = typeName.StartsWith("global::", System.StringComparison.Ordinal) ? typeName.Substring(8) : typeName;
        return name;
    }
}
