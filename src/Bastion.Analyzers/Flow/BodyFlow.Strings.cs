using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

internal sealed partial class BodyFlow
{
    private static readonly string[] UrlAttributes = ["href=\"", "src=\"", "action=\"", "formaction=\"", "href='", "src='", "action='", "href=", "src="];

    /// <summary>String concatenation: the parts' taints joined, a constant when every part is one.</summary>
    private Value Concatenate(ImmutableArray<IOperation> operands)
    {
        var parts = new List<IOperation>();
        Flatten(operands, parts);
        var values = new List<Value>(parts.Count);
        foreach (IOperation part in parts)
        {
            values.Add(Eval(part));
        }

        return Build(values);
    }

    private static void Flatten(ImmutableArray<IOperation> operands, List<IOperation> parts)
    {
        foreach (IOperation operand in operands)
        {
            IOperation inner = operand is IConversionOperation { IsImplicit: true } c ? c.Operand : operand;
            if (inner is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } nested && nested.Type?.SpecialType == SpecialType.System_String && !nested.ConstantValue.HasValue)
            {
                Flatten(ImmutableArray.Create(nested.LeftOperand, nested.RightOperand), parts);
            }
            else
            {
                parts.Add(operand);
            }
        }
    }

    private Value Interpolate(IInterpolatedStringOperation interpolated)
    {
        var values = new List<Value>(interpolated.Parts.Length);
        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    values.Add(Eval(text.Text));
                    break;
                case IInterpolationOperation hole:
                    values.Add(Eval(hole.Expression));
                    break;
                case IInterpolatedStringAppendOperation append when append.AppendCall is IInvocationOperation { Arguments.Length: > 0 } call:
                    values.Add(Eval(call.Arguments[0].Value));
                    break;
                default:
                    values.Add(Eval(part));
                    break;
            }
        }

        return Build(values);
    }

    /// <summary>
    /// Joins the parts of a built string. A part placed right after <c>href="</c> (or src, action) sits in a URL
    /// attribute, where HTML encoding does not stop <c>javascript:</c>: there it counts as HTML-safe only when it is
    /// also URL-safe.
    /// </summary>
    private static Value Build(List<Value> values)
    {
        Taint taint = Taint.Clean;
        var text = new StringBuilder();
        bool constant = true;
        string? label = null;
        string? previousText = null;
        string? prefix = values.Count > 0 ? values[0].Text ?? values[0].Prefix : null;
        foreach (Value value in values)
        {
            Taint part = value.Taint.OnlyOrigins(Origin.Request | Origin.Stored | Origin.Secret | Origin.Literal);
            if (!part.IsClean && previousText is not null && InUrlAttribute(previousText) && (part.Safe & Safe.Url) == 0)
            {
                part = part.WithoutSafe(Safe.Html);
            }

            part = part.WithoutSafe(Safe.Normalized);
            taint = taint.Join(part);
            label ??= value.Taint.IsClean ? null : value.Label;
            string? piece = value.HasConstant ? ConstantText(value.Constant) : null;
            if (piece is null)
            {
                constant = false;
            }
            else
            {
                text.Append(piece);
            }

            previousText = piece;
        }

        Value last = values.Count > 0 ? values[values.Count - 1] : Value.Clean;
        bool separatorEnd = last.EndsWithSeparator || (last.Text is { Length: > 0 } t && t[t.Length - 1] is '/' or '\\') || last.Constant is '/' or '\\';
        if (constant)
        {
            string result = text.ToString();
            return new Value(IsSecretLooking(result) && taint.Origin.HasFlag(Origin.Literal) ? taint : taint.OnlyOrigins(taint.Origin & ~Origin.Literal), result, true, endsWithSeparator: separatorEnd);
        }

        // A fixed first character means the value cannot be turned into a command-line option of the caller's choosing.
        if (!string.IsNullOrEmpty(prefix))
        {
            taint = taint.WithSafe(Safe.Option);
        }

        return new Value(taint, endsWithSeparator: separatorEnd, label: label, prefix: prefix);
    }

    private static string? ConstantText(object? constant) => constant switch
    {
        string s => s,
        char c => c.ToString(),
        null => string.Empty,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => constant.ToString(),
    };

    private static bool InUrlAttribute(string previous)
    {
        string trimmed = previous.TrimEnd();
        foreach (string attribute in UrlAttributes)
        {
            if (trimmed.EndsWith(attribute, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
