using System;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Families;

/// <summary>
/// Secrets: a value written in the code that reaches a key or credential API (BAS1601: SymmetricSecurityKey, HMAC keys,
/// SymmetricAlgorithm.Key, NetworkCredential, bearer headers, PKCS#12 passwords, connection-string passwords, [Secret]
/// members); a secret (a [Secret] member, a configuration value whose key names a secret, a connection string) written
/// to a log, the console, a response, a response header or cookie, an exception, a trace or a ToString() (BAS1603);
/// a type with [Secret] members serialized into a response (BAS1602). Hashing a secret makes it safe to print.
/// </summary>
internal sealed class SecretRules : IFlowRules
{
    private static readonly Sink Leak = new(Rules.SecretWritten, Origin.Secret, Safe.Secret);
    private static readonly Sink Literal = new(Rules.HardCodedSecret, Origin.Literal, Safe.None);

    public void OnCall(CallSite site)
    {
        HardCoded(site);
        Leaks(site);
    }

    private static void HardCoded(CallSite site)
    {
        string? parameter = (site.TypeName, site.Name) switch
        {
            ("Microsoft.IdentityModel.Tokens.SymmetricSecurityKey", ".ctor") => "key",
            (_, ".ctor") when site.TypeName.StartsWith("System.Security.Cryptography.HMAC", StringComparison.Ordinal) => "key",
            (_, "HashData" or "HashDataAsync" or "TryHashData") when site.TypeName.StartsWith("System.Security.Cryptography.HMAC", StringComparison.Ordinal) => "key",
            ("System.Net.NetworkCredential", ".ctor") => "password",
            ("System.Net.Http.Headers.AuthenticationHeaderValue", ".ctor") when site.Arguments.Length == 2 => "parameter",
            ("System.Security.Cryptography.X509Certificates.X509CertificateLoader", _) => "password",
            ("System.Security.Cryptography.X509Certificates.X509Certificate2", ".ctor") => "password",
            _ => null,
        };
        if (parameter is not null && site.Argument(parameter) is { } value)
        {
            site.Flow.Check(Literal, value, site.Location, site.Method.ContainingType.Name + (site.Name == ".ctor" ? string.Empty : "." + site.Name), "a literal");
        }

        int connection = site.Ordinal("connectionString");
        if (connection >= 0 && site.ArgumentOperations[connection] is not null && HasPassword(site.Arguments[connection].Text))
        {
            site.Flow.Report(Rules.HardCodedSecret, site.Location, "The connection string", "a password literal");
        }
    }

    private static void Leaks(CallSite site)
    {
        string? where = Where(site);
        if (where is null)
        {
            return;
        }

        bool response = where == "a response";
        for (int i = 0; i < site.Arguments.Length; i++)
        {
            if (site.ArgumentOperations[i] is not { } operation || (site.Method.IsExtensionMethod && i == 0) || site.Method.Parameters[i].Type.Name is "ILogger" or "HttpContext")
            {
                continue;
            }

            site.Flow.Check(Leak, site.Arguments[i], site.Location, null, where);
            if (response && HolderOf(site.Flow, operation.Type) is { } secret)
            {
                site.Flow.Report(Rules.SecretHolderExposed, site.Location, operation.Type!.Name, secret.Name, "written to a response");
            }
        }
    }

    private static string? Where(CallSite site)
    {
        string type = site.TypeName;
        string name = site.Name;
        if (type is "Microsoft.Extensions.Logging.LoggerExtensions" or "Microsoft.Extensions.Logging.ILogger"
            || (name == "Invoke" && site.Method.ContainingType.TypeKind == TypeKind.Delegate && site.Method.Parameters.Length > 0 && site.Method.Parameters[0].Type.Name == "ILogger"))
        {
            return name.IndexOf("Scope", StringComparison.Ordinal) >= 0 ? "a logging scope" : "a log";
        }

        if (type is "System.Console" or "System.Diagnostics.Debug" or "System.Diagnostics.Trace" && name.StartsWith("Write", StringComparison.Ordinal))
        {
            return "the console";
        }

        if (type is "Microsoft.AspNetCore.Http.Results" or "Microsoft.AspNetCore.Http.TypedResults"
            || (type is "Microsoft.AspNetCore.Mvc.ControllerBase" or "Microsoft.AspNetCore.Mvc.Controller" or "Microsoft.AspNetCore.Mvc.RazorPages.PageModel" && name != "File" && name != "PhysicalFile")
            || type is "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions" or "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions" or "System.Text.Json.JsonSerializer")
        {
            return "a response";
        }

        if (FamilyRules.IsHeaderWrite(site, out _, out _) || (type == "Microsoft.AspNetCore.Http.IResponseCookies" && name == "Append"))
        {
            return "a response header";
        }

        if (site.IsCreation && site.Flow.Analysis.Names.IsOrInherits(site.Method.ContainingType, "System.Exception"))
        {
            return "an exception message";
        }

        if (type == "System.Diagnostics.Activity" && name is "SetTag" or "AddTag" or "AddBaggage" or "SetBaggage" or "AddEvent")
        {
            return "a trace";
        }

        return null;
    }

    public void OnPropertySet(BodyFlow flow, IPropertySymbol property, StateKey? instance, Value value, IOperation assignment)
    {
        Location location = assignment.Syntax.GetLocation();
        if (property.Name == "Key" && flow.Analysis.Names.IsOrInherits(property.ContainingType, "System.Security.Cryptography.SymmetricAlgorithm"))
        {
            flow.Check(Literal, value, location, property.ContainingType.Name + ".Key", "a literal");
        }
        else if (property.Name == "Password" && (property.ContainingType.Name.EndsWith("ConnectionStringBuilder", StringComparison.Ordinal) || property.ContainingType.Name == "NetworkCredential"))
        {
            flow.Check(Literal, value, location, property.ContainingType.Name + ".Password", "a literal");
        }
        else if (property.Name == "ConnectionString" && HasPassword(value.Text))
        {
            flow.Report(Rules.HardCodedSecret, location, "The connection string", "a password literal");
        }
        else if (flow.Analysis.Sources.IsSecretMember(property) && value.Text is { Length: > 0 })
        {
            flow.Report(Rules.HardCodedSecret, location, property.ContainingType.Name + "." + property.Name, "a literal");
        }
        else if (property.ContainingType.Name == "IHeaderDictionary" && IsResponseWrite(flow, assignment))
        {
            flow.Check(Leak, value, location, null, "a response header");
        }
    }

    private static bool IsResponseWrite(BodyFlow flow, IOperation assignment)
        => assignment is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } && FamilyRules.IsResponseHeaders(flow, target.Instance);

    public void OnReturn(BodyFlow flow, IOperation returned, Value value)
    {
        if (flow.IsHandler)
        {
            flow.Check(Leak, value, returned.Syntax.GetLocation(), null, "a response");
            if (HolderOf(flow, ResultType(returned.Type)) is { } secret)
            {
                flow.Report(Rules.SecretHolderExposed, returned.Syntax.GetLocation(), ResultType(returned.Type)!.Name, secret.Name, "returned from an endpoint");
            }
        }
        else if (flow.IsMethodBody && flow.Method is { Name: "ToString", IsOverride: true })
        {
            flow.Check(Leak, value, returned.Syntax.GetLocation(), null, "ToString()");
        }
    }

    private static ITypeSymbol? ResultType(ITypeSymbol? type)
    {
        while (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && generic.Name is "Task" or "ValueTask" or "ActionResult" or "Ok" or "Results")
        {
            type = generic.TypeArguments[0];
        }

        return type;
    }

    /// <summary>The first [Secret] member a serializer would write (not [JsonIgnore]d) of the type or its element type.</summary>
    private static IPropertySymbol? HolderOf(BodyFlow flow, ITypeSymbol? type)
    {
        type = ResultType(type);
        if (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
        }

        for (ITypeSymbol? current = type; current is not null && current.SpecialType == SpecialType.None && current.Locations.Length > 0 && current.Locations[0].IsInSource; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member is IPropertySymbol property && flow.Analysis.Sources.IsSecretMember(property) && !Ignored(property))
                {
                    return property;
                }
            }
        }

        return null;
    }

    private static bool Ignored(IPropertySymbol property)
    {
        foreach (AttributeData attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "JsonIgnoreAttribute")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPassword(string? connectionString)
    {
        if (connectionString is null)
        {
            return false;
        }

        foreach (string part in connectionString.Split(';'))
        {
            int equals = part.IndexOf('=');
            if (equals > 0)
            {
                string key = part.Substring(0, equals).Trim();
                if ((key.Equals("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase)) && part.Substring(equals + 1).Trim().Length > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
