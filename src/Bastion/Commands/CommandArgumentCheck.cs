using System;
using System.Buffers;
using System.Text;
using Bastion.Text;

namespace Bastion.Commands;

/// <summary>
/// The decision behind <see cref="SafeCommandRunner.CheckArgument"/>, without an exception: for code that wants to
/// answer a refusal itself, and for measuring the check alone. Linear in the value with vectorized scans; allocates nothing.
/// </summary>
public static class CommandArgumentCheck
{
    // C0 controls, DEL and the C1 controls (char.IsControl), found with one vectorized scan.
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    /// <summary>
    /// Why <paramref name="value"/> would be refused, or null when it is accepted: empty; longer than
    /// <paramref name="maxLength"/> UTF-8 bytes or than <see cref="CommandLineLimits.MaxArgumentBytes"/>; a control
    /// character; a lone surrogate; a leading '-' unless <paramref name="allowLeadingDash"/>. Checked in that order.
    /// </summary>
    public static CommandArgumentProblem? FindProblem(string? value, int maxLength, bool allowLeadingDash)
    {
        if (string.IsNullOrEmpty(value))
        {
            return CommandArgumentProblem.Empty;
        }

        // Every UTF-16 unit is at least one UTF-8 byte and at most three, so most values are decided without counting.
        int limit = Math.Min(maxLength, CommandLineLimits.MaxArgumentBytes);
        if (value.Length > limit || (value.Length > limit / 3 && Encoding.UTF8.GetByteCount(value) > limit))
        {
            return CommandArgumentProblem.TooLong;
        }

        if (value.AsSpan().ContainsAny(ControlCharacters))
        {
            return CommandArgumentProblem.ControlCharacter;
        }

        if (Utf16.HasLoneSurrogate(value))
        {
            return CommandArgumentProblem.InvalidText;
        }

        return !allowLeadingDash && value[0] == '-' ? CommandArgumentProblem.LeadingDash : null;
    }
}
