using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Validation;

/// <summary>Turns one DataAnnotations attribute into a <see cref="ValidationRuleModel"/> or a diagnostic.</summary>
internal static class RuleParser
{
    /// <summary>DataAnnotations' own default match timeout; a missing or infinite timeout becomes this.</summary>
    private const int DefaultRegexTimeoutMilliseconds = 2000;

    private static readonly string[] Supported =
    [
        "RequiredAttribute", "MaxLengthAttribute", "MinLengthAttribute", "StringLengthAttribute", "RangeAttribute",
        "RegularExpressionAttribute", "EmailAddressAttribute", "UrlAttribute",
    ];

    /// <summary>True for the DataAnnotations attributes Bastion turns into code.</summary>
    public static bool IsSupported(string? attributeName)
        => attributeName is not null
           && attributeName.StartsWith(TypeNames.DataAnnotations, StringComparison.Ordinal)
           && Array.IndexOf(Supported, attributeName.Substring(TypeNames.DataAnnotations.Length)) >= 0;

    /// <summary>True for any attribute deriving from DataAnnotations' ValidationAttribute.</summary>
    public static bool IsValidationAttribute(INamedTypeSymbol? attribute)
    {
        for (INamedTypeSymbol? current = attribute; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.DataAnnotations + "ValidationAttribute")
            {
                return true;
            }
        }

        return false;
    }

    public static ValidationRuleModel? Parse(AttributeData attribute, string? attributeName, RuleContext context)
    {
        if (attributeName is null || !attributeName.StartsWith(TypeNames.DataAnnotations, StringComparison.Ordinal))
        {
            return null;
        }

        string shortName = attributeName.Substring(TypeNames.DataAnnotations.Length);
        string? customMessage = Named<string>(attribute, "ErrorMessage");
        string Message(string fallback) => customMessage is null ? fallback : customMessage.Replace("{0}", context.JsonName);
        string name = context.JsonName;

        switch (shortName)
        {
            case "RequiredAttribute":
                return new ValidationRuleModel(RuleKind.Required, Message($"The {name} field is required."),
                    AllowEmptyStrings: Named<bool>(attribute, "AllowEmptyStrings"));

            case "MaxLengthAttribute":
            case "MinLengthAttribute":
            {
                bool max = shortName == "MaxLengthAttribute";
                if (attribute.ConstructorArguments.Length == 0)
                {
                    // [MaxLength] without a length means "the largest the store allows": nothing to check.
                    return null;
                }

                if (!RequireShape(context, max ? "MaxLength" : "MinLength", "it applies to strings and T[], List<T>, IReadOnlyList<T> or IList<T>", MemberShape.Text, MemberShape.Collection))
                {
                    return null;
                }

                int length = (int)attribute.ConstructorArguments[0].Value!;
                string unit = context.Shape == MemberShape.Text ? "characters" : "items";
                return max
                    ? new ValidationRuleModel(RuleKind.MaxLength, Message($"The {name} field must have at most {length} {unit}."), Maximum: Int(length))
                    : new ValidationRuleModel(RuleKind.MinLength, Message($"The {name} field must have at least {length} {unit}."), Minimum: Int(length));
            }

            case "StringLengthAttribute":
            {
                if (!RequireShape(context, "StringLength", "it applies to strings", MemberShape.Text))
                {
                    return null;
                }

                int maximum = (int)attribute.ConstructorArguments[0].Value!;
                int minimum = Named<int>(attribute, "MinimumLength");
                string text = minimum > 0
                    ? $"The {name} field must have between {minimum} and {maximum} characters."
                    : $"The {name} field must have at most {maximum} characters.";
                return new ValidationRuleModel(RuleKind.StringLength, Message(text), Minimum: Int(minimum), Maximum: Int(maximum));
            }

            case "RangeAttribute":
                return ParseRange(attribute, context, Message);

            case "RegularExpressionAttribute":
            {
                if (!RequireShape(context, "RegularExpression", "it applies to strings", MemberShape.Text))
                {
                    return null;
                }

                string pattern = attribute.ConstructorArguments[0].Value as string ?? string.Empty;
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException ex)
                {
                    context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRegularExpression, context.Location, context.MemberName, ex.Message));
                    return null;
                }

                int timeout = Named<int>(attribute, "MatchTimeoutInMilliseconds");
                return new ValidationRuleModel(RuleKind.RegularExpression, Message($"The {name} field is not in the expected format."),
                    Pattern: pattern, TimeoutMilliseconds: timeout > 0 ? timeout : DefaultRegexTimeoutMilliseconds);
            }

            case "EmailAddressAttribute":
                return RequireShape(context, "EmailAddress", "it applies to strings", MemberShape.Text)
                    ? new ValidationRuleModel(RuleKind.EmailAddress, Message($"The {name} field is not a valid e-mail address."))
                    : null;

            case "UrlAttribute":
                return RequireShape(context, "Url", "it applies to strings", MemberShape.Text)
                    ? new ValidationRuleModel(RuleKind.Url, Message($"The {name} field is not a valid http or https URL."))
                    : null;

            default:
                return null;
        }
    }

    private static ValidationRuleModel? ParseRange(AttributeData attribute, RuleContext context, Func<string, string> message)
    {
        SpecialType memberType = context.ValueType.SpecialType;
        bool numeric = context.Shape == MemberShape.Value && IsNumeric(memberType);
        if (!numeric)
        {
            Report(context, "Range", "it applies to numeric members (int, long, double, decimal, ... and their nullable forms)");
            return null;
        }

        object?[] args = attribute.ConstructorArguments.Select(a => a.Value).ToArray();
        if (!TryBound(args, 0, out double minimumValue, out decimal? minimumDecimal)
            || !TryBound(args, 1, out double maximumValue, out decimal? maximumDecimal))
        {
            Report(context, "Range", "only Range(int, int), Range(double, double) and Range(typeof(numeric type), \"min\", \"max\") with finite invariant numbers can be generated");
            return null;
        }

        // Compare in the member's own domain so the generated code needs no conversions that could overflow.
        string? cast = null;
        string minimum;
        string maximum;
        if (memberType == SpecialType.System_Decimal)
        {
            if (minimumDecimal is null || maximumDecimal is null)
            {
                Report(context, "Range", "the bounds do not fit in a decimal");
                return null;
            }

            minimum = minimumDecimal.Value.ToString(CultureInfo.InvariantCulture) + "m";
            maximum = maximumDecimal.Value.ToString(CultureInfo.InvariantCulture) + "m";
        }
        else if (memberType is SpecialType.System_Single or SpecialType.System_Double
                 || minimumValue != Math.Floor(minimumValue) || maximumValue != Math.Floor(maximumValue)
                 || Math.Abs(minimumValue) > 9e15 || Math.Abs(maximumValue) > 9e15)
        {
            cast = memberType is SpecialType.System_Double ? null : "double";
            minimum = Double(minimumValue);
            maximum = Double(maximumValue);
        }
        else
        {
            cast = memberType is SpecialType.System_UInt64 ? "decimal" : "long";
            minimum = ((long)minimumValue).ToString(CultureInfo.InvariantCulture) + "L";
            maximum = ((long)maximumValue).ToString(CultureInfo.InvariantCulture) + "L";
        }

        bool minExclusive = Named<bool>(attribute, "MinimumIsExclusive");
        bool maxExclusive = Named<bool>(attribute, "MaximumIsExclusive");
        string lower = minExclusive ? "greater than " + Display(minimum) : Display(minimum) + " or more";
        string upper = maxExclusive ? "less than " + Display(maximum) : Display(maximum) + " or less";
        return new ValidationRuleModel(RuleKind.Range, message($"The {context.JsonName} field must be {lower} and {upper}."),
            Minimum: minimum, Maximum: maximum, MinimumExclusive: minExclusive, MaximumExclusive: maxExclusive, ValueCast: cast);
    }

    /// <summary>Reads bound <paramref name="index"/> of Range(int,int), Range(double,double) or Range(Type,string,string).</summary>
    private static bool TryBound(object?[] args, int index, out double value, out decimal? exact)
    {
        value = 0;
        exact = null;
        object? raw = args.Length == 2 ? args[index] : args.Length == 3 && args[0] is ITypeSymbol type && IsNumeric(type.SpecialType) ? args[index + 1] : null;
        switch (raw)
        {
            case int i:
                value = i;
                exact = i;
                return true;
            case double d when !double.IsNaN(d) && !double.IsInfinity(d):
                value = d;
                exact = Math.Abs(d) < 7.9e28 ? (decimal)d : null;
                return true;
            case string text when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed):
                value = (double)parsed;
                exact = parsed;
                return true;
            default:
                return false;
        }
    }

    private static string Display(string literal) => literal.TrimEnd('m', 'd', 'L');

    private static bool RequireShape(RuleContext context, string attribute, string why, params MemberShape[] shapes)
    {
        if (shapes.Contains(context.Shape))
        {
            return true;
        }

        Report(context, attribute, why);
        return false;
    }

    private static void Report(RuleContext context, string attribute, string why)
        => context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValidationAttributeNotApplicable, context.Location,
            attribute, context.MemberName, context.TypeDisplay, why));

    private static bool IsNumeric(SpecialType type) => type is SpecialType.System_Byte or SpecialType.System_SByte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_Decimal;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    private static T? Named<T>(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is T value)
            {
                return value;
            }
        }

        return default;
    }
}
