using System;
using System.Collections.Generic;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Families;

/// <summary>
/// Cookies the app writes (BAS1520): a session, auth, token or remember-me cookie appended without Secure (or with
/// Secure = Request.IsHttps), without HttpOnly, or with SameSite=None and no Secure; raw Set-Cookie headers without
/// Secure and HttpOnly. The options are followed through locals (assignments after the initializer count), static
/// fields, helpers and CookieBuilder.Build. Preference cookies (theme, culture, consent, recently viewed) may be read
/// by scripts. A global cookie policy with Secure and HttpOnly Always covers cookies appended without options.
/// </summary>
internal sealed class CookieRules : IFlowRules
{
    private sealed class Facts
    {
        public bool? Secure { get; set; }

        public bool? HttpOnly { get; set; }

        public bool SameSiteNone { get; set; }

        public bool Trusted { get; set; }
    }

    public void OnCall(CallSite site)
    {
        if (FamilyRules.IsHeaderWrite(site, out string? header, out int valueOrdinal) && string.Equals(header, "Set-Cookie", StringComparison.OrdinalIgnoreCase))
        {
            RawHeader(site.Flow, site.Arguments[valueOrdinal], site.ArgumentOperations[valueOrdinal] is { } raw ? site.Flow.Original(raw) : null, site.Location);
            return;
        }

        if (site.TypeName == "Microsoft.AspNetCore.Http.CookieOptions" && site.IsCreation && site.ResultKey is { } created)
        {
            site.Flow.State.Set(created.WithMember(site.Arguments.Length == 1 ? "#copy" : "#new"), Value.Constant_(true, Taint.Clean));
            return;
        }

        if (site.Method.ReturnType.Name == "CookieOptions" && !site.IsCreation && site.ResultKey is { } result)
        {
            Facts built = Evaluate(site.Flow, site.Operation, null);
            site.Flow.State.Set(result.WithMember("#copy"), Value.Constant_(built.Trusted, Taint.Clean));
            if (!built.Trusted)
            {
                site.Flow.State.Set(result.WithMember("#new"), Value.Constant_(true, Taint.Clean));
                site.Flow.State.Set(result.WithMember("Secure"), built.Secure is bool b ? Value.Constant_(b, Taint.Clean) : Value.Clean);
                site.Flow.State.Set(result.WithMember("HttpOnly"), built.HttpOnly is bool h ? Value.Constant_(h, Taint.Clean) : Value.Clean);
                if (built.SameSiteNone)
                {
                    site.Flow.State.Set(result.WithMember("SameSite"), Value.Constant_(0, Taint.Clean));
                }
            }

            return;
        }

        if (site.TypeName != "Microsoft.AspNetCore.Http.IResponseCookies" || site.Name != "Append")
        {
            return;
        }

        IOperation? keyOperation = site.ArgumentOperation("key") is { } k ? site.Flow.Original(k) : null;
        string? name = keyOperation is null ? null : FamilyRules.ConstantText(keyOperation) ?? (keyOperation is IFieldReferenceOperation or IPropertyReferenceOperation ? keyOperation.Syntax.ToString() : null);
        int options = site.Ordinal("options");
        Facts facts = options >= 0 ? Evaluate(site.Flow, site.ArgumentOperations[options], site.ArgumentKeys[options]) : new Facts();
        if (options < 0 && site.Flow.Analysis.HasStrictCookiePolicy())
        {
            return;
        }

        Judge(site.Flow, name, facts, site.Location, options < 0);
    }

    private static void Judge(BodyFlow flow, string? name, Facts facts, Location location, bool withoutOptions)
    {
        if (facts.Trusted)
        {
            return;
        }

        bool sensitive = IsSensitive(name);
        string cookie = name is null ? "A cookie" : "The cookie '" + name + "'";
        if (withoutOptions && sensitive)
        {
            flow.Report(Rules.CookieNotHardened, location, cookie, "is written without options, so it has no Secure and no HttpOnly attribute");
        }
        else if (facts.SameSiteNone && facts.Secure != true)
        {
            flow.Report(Rules.CookieNotHardened, location, cookie, "is SameSite=None without Secure");
        }
        else if (sensitive && facts.Secure == false)
        {
            flow.Report(Rules.CookieNotHardened, location, cookie, "is not Secure, so it is also sent over plain HTTP");
        }
        else if (sensitive && facts.HttpOnly == false)
        {
            flow.Report(Rules.CookieNotHardened, location, cookie, "is not HttpOnly, so scripts on the page can read it");
        }
    }

    /// <summary>Session ids, auth tickets and tokens are sensitive; display preferences are not.</summary>
    public static bool IsSensitive(string? name)
    {
        if (name is null)
        {
            return true;
        }

        string lower = name.ToLowerInvariant();
        foreach (string preference in new[] { "theme", "culture", "lang", "locale", "consent", "recent", "pref", "color", "timezone", "currency", "sidebar", "viewed", "layout" })
        {
            if (lower.Contains(preference))
            {
                return false;
            }
        }

        return true;
    }

    private static Facts Evaluate(BodyFlow flow, IOperation? options, StateKey? key)
    {
        var facts = new Facts { Secure = false, HttpOnly = false };
        if (options is null)
        {
            return facts;
        }

        if (key is { } k)
        {
            if (flow.ValueOf(k.WithMember("#copy")).Constant is true)
            {
                return new Facts { Trusted = true };
            }

            bool tracked = flow.State.TryGet(k.WithMember("#new"), out _);
            if (!tracked)
            {
                return k.Symbol is IFieldSymbol or IPropertySymbol ? FromInitializer(flow, k.Symbol) : new Facts { Trusted = true };
            }

            Apply(facts, Read(flow, k, "Secure"), Read(flow, k, "HttpOnly"), Read(flow, k, "SameSite"));
            if (flow.ValueOf(k.WithMember("#https")).Constant is true)
            {
                facts.Secure = false;
            }

            return facts;
        }

        IOperation inner = Guards.Unwrap(options);
        if (inner is IInvocationOperation call)
        {
            string type = flow.Analysis.Names.Of(call.TargetMethod.ContainingType);
            if (type.StartsWith("Bastion.", StringComparison.Ordinal) || type.StartsWith("Microsoft.", StringComparison.Ordinal) && call.TargetMethod.Name != "Build")
            {
                return new Facts { Trusted = true };
            }

            if (call.TargetMethod.Name == "Build" && type == "Microsoft.AspNetCore.Http.CookieBuilder" && call.Instance is IFieldReferenceOperation or IPropertyReferenceOperation)
            {
                ISymbol builder = call.Instance is IFieldReferenceOperation f ? f.Field : ((IPropertyReferenceOperation)call.Instance).Property;
                return FromInitializer(flow, builder);
            }

            return FromInitializer(flow, call.TargetMethod);
        }

        return new Facts { Trusted = true };
    }

    private static object? Read(BodyFlow flow, StateKey key, string member)
        => flow.State.TryGet(key.WithMember(member), out Value value) ? (value.HasConstant ? value.Constant : "?") : null;

    private static void Apply(Facts facts, object? secure, object? httpOnly, object? sameSite)
    {
        if (secure is "?")
        {
            facts.Secure = null;
        }

        if (httpOnly is "?")
        {
            facts.HttpOnly = null;
        }

        if (secure is bool s)
        {
            facts.Secure = s;
        }
        else if (secure is int policy)
        {
            facts.Secure = policy == 1;
        }

        if (httpOnly is bool h)
        {
            facts.HttpOnly = h;
        }

        facts.SameSiteNone |= sameSite is 0;
    }

    /// <summary>The members set in the object initializer of a static field, property or expression-bodied helper.</summary>
    private static Facts FromInitializer(BodyFlow flow, ISymbol symbol)
    {
        var facts = new Facts { Secure = false, HttpOnly = false };
        bool found = false;
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax();
            ExpressionSyntax? expression = node switch
            {
                VariableDeclaratorSyntax v => v.Initializer?.Value,
                PropertyDeclarationSyntax p => p.Initializer?.Value ?? p.ExpressionBody?.Expression,
                MethodDeclarationSyntax m => m.ExpressionBody?.Expression,
                _ => null,
            };
            if (expression is null || flow.Analysis.ModelFor(expression.SyntaxTree).GetOperation(expression) is not { } operation
                || Guards.Unwrap(operation) is not IObjectCreationOperation { Initializer: { } initializer })
            {
                continue;
            }

            found = true;
            var values = new Dictionary<string, object?>();
            foreach (IOperation member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                {
                    values[target.Property.Name] = assignment.Value.ConstantValue.HasValue ? assignment.Value.ConstantValue.Value : "?";
                }
            }

            values.TryGetValue("Secure", out object? secure);
            if (values.TryGetValue("SecurePolicy", out object? policy))
            {
                secure = policy is int p ? p == 1 : (object?)null;
            }

            values.TryGetValue("HttpOnly", out object? httpOnly);
            values.TryGetValue("SameSite", out object? sameSite);
            Apply(facts, secure, httpOnly, sameSite);
        }

        return found ? facts : new Facts { Trusted = true };
    }

    private static void RawHeader(BodyFlow flow, Value value, IOperation? operation, Location location)
    {
        string text = value.Text ?? (operation is null ? string.Empty : LiteralText(operation.Syntax));
        int equals = text.IndexOf('=');
        string name = equals > 0 ? text.Substring(0, equals).Trim('"', '$', ' ') : string.Empty;
        bool secure = text.IndexOf("secure", StringComparison.OrdinalIgnoreCase) >= 0;
        bool httpOnly = text.IndexOf("httponly", StringComparison.OrdinalIgnoreCase) >= 0;
        if (IsSensitive(name) && !(secure && httpOnly))
        {
            flow.Report(Rules.CookieNotHardened, location, "The Set-Cookie header '" + name + "'", "lacks " + (secure ? "HttpOnly" : httpOnly ? "Secure" : "Secure and HttpOnly"));
        }
    }

    /// <summary>The literal text of a built header value (the format string, the interpolation's text parts).</summary>
    private static string LiteralText(SyntaxNode node)
    {
        var text = new System.Text.StringBuilder();
        foreach (SyntaxToken token in node.DescendantTokens())
        {
            if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken) || token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.InterpolatedStringTextToken))
            {
                text.Append(token.ValueText).Append(' ');
            }
        }

        return text.Length > 0 ? text.ToString() : node.ToString();
    }

    public void OnPropertySet(BodyFlow flow, IPropertySymbol property, StateKey? instance, Value value, IOperation assignment)
    {
        if (property.ContainingType.Name == "CookieOptions" && property.Name == "Secure" && instance is { } k
            && assignment is ISimpleAssignmentOperation { Value: { } assigned } && Guards.Unwrap(assigned) is IPropertyReferenceOperation { Property.Name: "IsHttps" })
        {
            flow.State.Set(k.WithMember("#https"), Value.Constant_(true, Taint.Clean));
        }

        if (assignment is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } && FamilyRules.IsResponseHeaders(flow, target.Instance)
            && (property.Name == "SetCookie" || target.Arguments.Length == 1 && FamilyRules.IsHeaderName(target.Arguments[0].Value, "Set-Cookie")))
        {
            RawHeader(flow, value, flow.Original(((ISimpleAssignmentOperation)assignment).Value), assignment.Syntax.GetLocation());
        }
    }

    public void OnReturn(BodyFlow flow, IOperation returned, Value value)
    {
    }
}
