using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Shared;

namespace Bastion.Generators.Validation;

/// <summary>
/// Emits one <c>Process{Type}</c> method per validated type: sanitize first (so limits hold for what is
/// stored), then the DataAnnotations checks as direct code, recursing into nested records and
/// collections. Sanitized values are written back copy-on-write; clean input allocates nothing.
/// </summary>
internal sealed class ValidationEmitter
{
    private const string Collector = "global::Bastion.Validation.ValidationCollector";
    private const string Checks = "global::Bastion.Validation.ValidationChecks";
    private const string Sanitizer = "global::Bastion.Html.HtmlPolicySanitizer";
    private const string HtmlText = "global::Bastion.Html.HtmlText";

    private static readonly char[] PatternKeySeparator = { '\u0001' };

    private readonly CodeWriter _w;
    private readonly Dictionary<string, string> _patterns = new();

    private readonly HashSet<string> _unchanging = new(System.StringComparer.Ordinal);

    /// <param name="writer">Where the code goes.</param>
    /// <param name="types">The validated types of this output; nested members of types that never change are not written back.</param>
    public ValidationEmitter(CodeWriter writer, IEnumerable<ValidatedTypeModel> types)
    {
        _w = writer;
        foreach (ValidatedTypeModel type in types)
        {
            if (!type.CanChange)
            {
                _unchanging.Add(type.MethodName);
            }
        }
    }

    public void EmitCheck(string typeName, string methodName, bool withPaths)
    {
        _w.Line("/// <summary>Sanitizes and validates a request body in place; returns the 400 problem to send, or null when valid.</summary>");
        string paths = withPaths ? ", global::Bastion.Paths.SafePathResolver[]? paths" : string.Empty;
        using (_w.Block($"internal static global::Microsoft.AspNetCore.Http.IResult? SanitizeAndValidate(ref {typeName} value{paths})"))
        {
            _w.Line($"var errors = new {Collector}(){(withPaths ? " { PathResolvers = paths }" : string.Empty)};");
            _w.Line($"value = {methodName}(value, ref errors);");
            _w.Line("return errors.HasErrors ? global::Bastion.Endpoints.BastionProblems.Validation(errors.ToDictionary()) : null;");
        }

        _w.Line();
    }

    /// <summary>
    /// A method checking handler parameters (route, query, header values) with the same generated rules
    /// as record members; returns the 400 problem or null.
    /// </summary>
    public void EmitParameterCheck(string methodName, string displayName, System.Collections.Generic.IReadOnlyList<(string Local, string TypeName, string BindingName, bool IsText, EquatableArray<ValidationRuleModel> Rules)> parameters)
    {
        string signature = string.Join(", ", parameters.Select(p => p.TypeName + " " + p.Local));
        _w.Line($"/// <summary>DataAnnotations checks on the route, query, header and form values of {Literal.Comment(displayName)}.</summary>");
        using (_w.Block($"private static global::Microsoft.AspNetCore.Http.IResult? {methodName}({signature})"))
        {
            _w.Line($"var errors = new {Collector}();");
            foreach (var parameter in parameters)
            {
                bool nullable = parameter.TypeName.EndsWith("?", System.StringComparison.Ordinal);
                var member = new ValidatedMemberModel(parameter.Local, parameter.BindingName, parameter.TypeName,
                    parameter.IsText ? MemberShape.Text : MemberShape.Value, nullable, null, CollectionKind.None, MemberShape.Other, null, false, null, null, parameter.Rules);
                foreach (ValidationRuleModel rule in parameter.Rules)
                {
                    EmitRule(rule, member, parameter.Local);
                }
            }

            _w.Line("return errors.HasErrors ? global::Bastion.Endpoints.BastionProblems.Validation(errors.ToDictionary()) : null;");
        }

        _w.Line();
    }

    public void EmitType(ValidatedTypeModel type)
    {
        _w.Line($"/// <summary>[Sanitize] and DataAnnotations checks of <see cref=\"{type.TypeName.Replace('<', '{').Replace('>', '}')}\"/>.</summary>");
        using (_w.Block($"private static {type.TypeName} {type.MethodName}({type.TypeName} value, ref {Collector} errors)"))
        {
            var rewritten = new List<ValidatedMemberModel>();
            bool mayChange = type.Members.Any(m => (m.Sanitize is not null && m.Sanitize.Policy != "Reject") || m.SafePathIndex >= 0
            || (m.NestedMethod is not null && !_unchanging.Contains(m.NestedMethod)) || m.ElementMethod is not null);
            if (mayChange)
            {
                _w.Line("bool changed = false;");
            }

            foreach (ValidatedMemberModel member in type.Members)
            {
                _w.Line();
                _w.Line($"// {member.Name}{Describe(member)}");
                _w.Line($"var {Local(member)} = value.{member.Name};");
                if (EmitMember(member))
                {
                    rewritten.Add(member);
                }
            }

            if (rewritten.Count > 0)
            {
                _w.Line();
                if (type.IsRecordLike)
                {
                    using (_w.Block("if (changed)"))
                    {
                        _w.Line("value = value with");
                        _w.Line("{");
                        foreach (ValidatedMemberModel member in rewritten)
                        {
                            _w.Line($"    {member.Name} = {Local(member)}{(member.IsNullable ? string.Empty : "!")},");
                        }

                        _w.Line("};");
                    }
                }
                else
                {
                    using (_w.Block("if (changed)"))
                    {
                        foreach (ValidatedMemberModel member in rewritten)
                        {
                            _w.Line($"value.{member.Name} = {Local(member)}{(member.IsNullable ? string.Empty : "!")};");
                        }
                    }
                }
            }

            _w.Line("return value;");
        }

        _w.Line();
    }

    /// <summary>Static regex fields, built once with a match timeout (interpreted, so NativeAOT-safe).</summary>
    public void EmitPatterns()
    {
        if (_patterns.Count == 0)
        {
            return;
        }

        _w.Line("/// <summary>");
        _w.Line("/// Patterns from [RegularExpression], each with a match timeout; a timeout fails validation.");
        _w.Line("/// Compiled under the JIT, interpreted under NativeAOT.");
        _w.Line("/// </summary>");
        using (_w.Block("private static class Patterns"))
        {
            foreach (KeyValuePair<string, string> pattern in _patterns.OrderBy(p => p.Value, System.StringComparer.Ordinal))
            {
                string[] parts = pattern.Key.Split(PatternKeySeparator, 2);
                _w.Line($"internal static readonly global::System.Text.RegularExpressions.Regex {pattern.Value} = new({Literal.String(parts[1])},");
                _w.Line($"    global::System.Text.RegularExpressions.RegexOptions.CultureInvariant | global::System.Text.RegularExpressions.RegexOptions.Compiled, global::System.TimeSpan.FromMilliseconds({parts[0]}));");
            }
        }
    }

    /// <summary>Writes the checks for one member; returns true when its value may be written back.</summary>
    private bool EmitMember(ValidatedMemberModel member)
    {
        string local = Local(member);
        bool rewritten = false;
        if (member.Shape == MemberShape.Text && member.Sanitize is not null)
        {
            EmitSanitizeText(local, member.JsonName, member.Sanitize, member.JsonName);
            rewritten = member.Sanitize.Policy != "Reject";
        }

        foreach (ValidationRuleModel rule in member.Rules)
        {
            EmitRule(rule, member, local);
        }

        if (member.SafePathIndex >= 0)
        {
            // The value was read from JSON unresolved; resolve it under the member's root or refuse the request.
            string value = member.IsNullable ? "pathValue" : local;
            string index = member.SafePathIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string open = member.IsNullable ? $"if ({local} is {{ }} pathValue)" : string.Empty;
            using (_w.Block(open))
            {
                _w.Line($"var pathProblem = global::Bastion.Paths.SafePathBinding.ResolveMember(errors.PathResolvers, {index}, {value}, out var resolvedPath);");
                _w.Line($"if (pathProblem is not null) errors.Add({Literal.String(member.JsonName)}, pathProblem);");
                _w.Line($"else {{ {local} = resolvedPath; changed = true; }}");
            }

            rewritten = true;
        }

        if (member.Shape == MemberShape.Object && member.NestedMethod is not null && _unchanging.Contains(member.NestedMethod))
        {
            using (_w.Block($"if ({local} is not null && errors.Enter({Literal.String(member.JsonName)}))"))
            {
                _w.Line($"{member.NestedMethod}({local}, ref errors);");
                _w.Line("errors.Exit();");
            }
        }
        else if (member.Shape == MemberShape.Object && member.NestedMethod is not null)
        {
            using (_w.Block($"if ({local} is not null && errors.Enter({Literal.String(member.JsonName)}))"))
            {
                _w.Line($"var processed = {member.NestedMethod}({local}, ref errors);");
                _w.Line($"if (!global::System.Object.ReferenceEquals(processed, {local})) {{ {local} = processed; changed = true; }}");
                _w.Line("errors.Exit();");
            }

            rewritten = true;
        }

        if (member.Shape == MemberShape.Collection && (member.ElementMethod is not null || member.Sanitize is not null || !member.ElementIsNullable))
        {
            rewritten |= EmitCollection(member, local);
        }

        return rewritten;
    }

    private bool EmitCollection(ValidatedMemberModel member, string local)
    {
        bool sanitizeItems = member.ElementShape == MemberShape.Text && member.Sanitize is not null && member.Sanitize.Policy != "Reject";
        bool processItems = member.ElementShape == MemberShape.Object && member.ElementMethod is not null;
        bool checkNulls = !member.ElementIsNullable && member.ElementShape is MemberShape.Text or MemberShape.Object or MemberShape.Other;
        bool rejectItems = member.ElementShape == MemberShape.Text && member.Sanitize?.Policy == "Reject";
        if (!sanitizeItems && !processItems && !checkNulls && !rejectItems)
        {
            return false;
        }

        bool copies = sanitizeItems || processItems;
        string element = member.ElementTypeName!;
        string count = member.Collection == CollectionKind.Array ? "Length" : "Count";
        using (_w.Block($"if ({local} is not null && errors.Enter({Literal.String(member.JsonName)}))"))
        {
            if (copies)
            {
                string copyType = member.Collection == CollectionKind.List ? $"global::System.Collections.Generic.List<{element}>" : element + "[]";
                _w.Line($"{copyType}? copy = null;");
            }

            using (_w.Block($"for (int i = 0; i < {local}.{count}; i++)"))
            {
                _w.Line("if (!errors.EnterIndex(i)) break;");
                _w.Line($"var item = {local}[i];");
                if (checkNulls)
                {
                    _w.Line("if (item is null) errors.Add(null, \"The value must not be null.\");");
                }

                if (sanitizeItems || rejectItems)
                {
                    using (_w.Block("if (item is not null)"))
                    {
                        _w.Line("var original = item;");
                        EmitSanitizeText("item", null, member.Sanitize!, member.JsonName + "[]");
                        if (sanitizeItems)
                        {
                            _w.Line($"if (!global::System.Object.ReferenceEquals(item, original)) {{ copy ??= {CopyExpression(member, local)}; copy[i] = item{(member.ElementIsNullable ? string.Empty : "!")}; }}");
                        }
                    }
                }

                if (processItems)
                {
                    using (_w.Block("if (item is not null)"))
                    {
                        _w.Line($"var processed = {member.ElementMethod}(item, ref errors);");
                        _w.Line($"if (!global::System.Object.ReferenceEquals(processed, item)) {{ copy ??= {CopyExpression(member, local)}; copy[i] = processed; }}");
                    }
                }

                _w.Line("errors.Exit();");
            }

            if (copies)
            {
                _w.Line($"if (copy is not null) {{ {local} = copy; changed = true; }}");
            }

            _w.Line("errors.Exit();");
        }

        return copies;
    }

    private static string CopyExpression(ValidatedMemberModel member, string local) => member.Collection switch
    {
        CollectionKind.List => $"new global::System.Collections.Generic.List<{member.ElementTypeName}>({local})",
        CollectionKind.Array => $"({member.ElementTypeName}[]){local}.Clone()",
        _ => $"global::System.Linq.Enumerable.ToArray({local})",
    };

    private void EmitSanitizeText(string local, string? jsonName, SanitizeModel sanitize, string what)
    {
        string key = Literal.String(jsonName);
        string max = sanitize.MaxInputLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (_w.Block($"if ({local} is not null)"))
        {
            IfThen($"{local}.Length > {max}", $"errors.Add({key}, {Literal.String($"The {what} field is longer than the {max} characters accepted.")});");
            if (sanitize.Policy == "Reject")
            {
                IfThen($"{HtmlText}.ContainsMarkup({local})", $"errors.Add({key}, {Literal.String($"The {what} field must not contain markup.")});", "else if");
            }
            else
            {
                using (_w.Block("else"))
                {
                    _w.Line($"var clean = {SanitizeCall(sanitize.Policy, local)};");
                    _w.Line($"if (!global::System.Object.ReferenceEquals(clean, {local})) {{ {local} = clean; changed = true; }}");
                }
            }
        }
    }

    /// <summary>A one-statement check, condition and statement on their own lines so neither grows past a screen.</summary>
    private void IfThen(string condition, string statement, string keyword = "if")
    {
        _w.Line($"{keyword} ({condition})");
        _w.Line("    " + statement);
    }

    /// <summary>One entry point per policy, so only the policies an app uses are linked (Text needs no HTML parser).</summary>
    private static string SanitizeCall(string policy, string local) => policy switch
    {
        "Text" => $"{HtmlText}.Encode({local})",
        "BasicFormatting" => $"{Sanitizer}.SanitizeBasicFormatting({local})",
        _ => $"{Sanitizer}.RemoveMarkup({local})",
    };

    private void EmitRule(ValidationRuleModel rule, ValidatedMemberModel member, string v)
    {
        string add = $"errors.Add({Literal.String(member.JsonName)}, {Literal.String(rule.Message)});";
        string length = member.Collection == CollectionKind.Array ? "Length" : member.Shape == MemberShape.Collection ? "Count" : "Length";
        switch (rule.Kind)
        {
            case RuleKind.Required when member.Shape == MemberShape.Text:
                IfThen(rule.AllowEmptyStrings ? $"{v} is null" : $"string.IsNullOrWhiteSpace({v})", add);
                break;
            case RuleKind.Required when member.Shape == MemberShape.Value && !member.IsNullable:
                _w.Line("// [Required] on a non-nullable value type always holds.");
                break;
            case RuleKind.Required:
                IfThen($"{v} is null", add);
                break;
            case RuleKind.MaxLength:
                IfThen($"{v} is not null && {v}.{length} > {rule.Maximum}", add);
                break;
            case RuleKind.MinLength:
                IfThen($"{v} is not null && {v}.{length} < {rule.Minimum}", add);
                break;
            case RuleKind.StringLength:
                IfThen(rule.Minimum is null or "0" ? $"{v} is not null && {v}.Length > {rule.Maximum}" : $"{v} is not null && ({v}.Length > {rule.Maximum} || {v}.Length < {rule.Minimum})", add);
                break;
            case RuleKind.Range:
                // Written as "not inside" so NaN, for which every comparison is false, fails the check.
                string x = rule.ValueCast is null ? "x" : $"(({rule.ValueCast})x)";
                string low = rule.MinimumExclusive ? ">" : ">=";
                string high = rule.MaximumExclusive ? "<" : "<=";
                string test = $"(!({x} {low} {rule.Minimum} && {x} {high} {rule.Maximum}))";
                // In its own block: x is declared per check, and a member can carry several.
                using (_w.Block(string.Empty))
                {
                    if (member.IsNullable)
                    {
                        IfThen($"{v} is {{ }} x && {test}", add);
                    }
                    else
                    {
                        _w.Line($"var x = {v};");
                        IfThen(test.Substring(1, test.Length - 2), add);
                    }
                }

                break;
            case RuleKind.RegularExpression:
                // As in DataAnnotations, an empty string passes: emptiness is [Required]'s job.
                IfThen($"{v} is {{ Length: > 0 }} && !{Checks}.IsFullMatch(Patterns.{Pattern(rule)}, {v})", add);
                break;
            case RuleKind.EmailAddress:
                IfThen($"{v} is not null && !{Checks}.IsEmailAddress({v})", add);
                break;
            case RuleKind.Url:
                IfThen($"{v} is not null && !{Checks}.IsHttpUrl({v})", add);
                break;
        }
    }

    private string Pattern(ValidationRuleModel rule)
    {
        string key = rule.TimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0001" + rule.Pattern;
        if (!_patterns.TryGetValue(key, out string? name))
        {
            name = "Pattern" + _patterns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _patterns.Add(key, name);
        }

        return name;
    }

    private static string Local(ValidatedMemberModel member) => "member" + member.Name;

    private static string Describe(ValidatedMemberModel member)
    {
        var parts = new List<string>();
        if (member.Sanitize is not null)
        {
            parts.Add("[Sanitize(" + member.Sanitize.Policy + ")]");
        }

        parts.AddRange(member.Rules.Select(r => "[" + r.Kind + "]"));
        if (member.SafePathIndex >= 0)
        {
            parts.Add("[SafePath]");
        }

        return parts.Count == 0 ? string.Empty : ": " + string.Join(" ", parts);
    }
}
