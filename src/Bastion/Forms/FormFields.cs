using System;
using Bastion.Endpoints;
using Bastion.Paths;
using Bastion.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Bastion.Forms;

/// <summary>
/// Binds one form field to a handler parameter or record member: generated form binding calls one of these per field,
/// and every problem (a field sent twice, a required field missing, a value that does not parse, a refused file name)
/// is added to the request's <see cref="ValidationCollector"/> under the field's name, so one 400 lists them all.
/// Text is taken as sent (an empty string stays empty); for every other type an empty value counts as missing, which
/// is what an untouched number, date or select input sends. Numbers and dates parse with the invariant culture.
/// </summary>
public static class FormFields
{
    /// <summary>A string that must be present (it may be empty).</summary>
    public static string? RequiredText(IFormCollection form, string name, ref ValidationCollector errors)
        => Get(form, name, emptyIsMissing: false, ref errors, out string text) switch
        {
            Presence.Present => text,
            Presence.Missing => Missing(name, ref errors),
            _ => null,
        };

    /// <summary>A string, or null when the field is missing.</summary>
    public static string? OptionalText(IFormCollection form, string name, ref ValidationCollector errors)
        => Get(form, name, emptyIsMissing: false, ref errors, out string text) == Presence.Present ? text : null;

    /// <summary>A number, date, <see cref="Guid"/> or other parsable value that must be present.</summary>
    public static T Required<T>(IFormCollection form, string name, ref ValidationCollector errors) where T : struct, IParsable<T>
        => Optional<T>(form, name, ref errors, required: true) ?? default;

    /// <summary>A number, date, <see cref="Guid"/> or other parsable value, or null when the field is missing or empty.</summary>
    public static T? Optional<T>(IFormCollection form, string name, ref ValidationCollector errors) where T : struct, IParsable<T>
        => Optional<T>(form, name, ref errors, required: false);

    /// <summary>A defined enum member, by name (case-insensitive), that must be present.</summary>
    public static T RequiredEnum<T>(IFormCollection form, string name, ref ValidationCollector errors) where T : struct, Enum
        => OptionalEnum<T>(form, name, ref errors, required: true) ?? default;

    /// <summary>A defined enum member, by name (case-insensitive), or null when the field is missing or empty.</summary>
    public static T? OptionalEnum<T>(IFormCollection form, string name, ref ValidationCollector errors) where T : struct, Enum
        => OptionalEnum<T>(form, name, ref errors, required: false);

    /// <summary>
    /// A checkbox: <c>true</c>/<c>false</c> (case-insensitive) or <c>on</c> (what a checked box without a value sends);
    /// missing or empty is false, since an unchecked box sends nothing.
    /// </summary>
    public static bool Boolean(IFormCollection form, string name, ref ValidationCollector errors)
        => OptionalBoolean(form, name, ref errors) ?? false;

    /// <summary>As <see cref="Boolean"/>, but null when the field is missing or empty.</summary>
    public static bool? OptionalBoolean(IFormCollection form, string name, ref ValidationCollector errors)
    {
        if (Get(form, name, emptyIsMissing: true, ref errors, out string text) != Presence.Present)
        {
            return null;
        }

        if (bool.TryParse(text, out bool value))
        {
            return value;
        }

        if (string.Equals(text, "on", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        errors.Add(name, $"The form field '{name}' must be true or false.");
        return null;
    }

    /// <summary>A path in a text field, resolved under the resolver's root; the field must be present.</summary>
    public static SafeFilePath RequiredPath(IFormCollection form, string name, SafePathResolver resolver, ref ValidationCollector errors)
        => OptionalPath(form, name, resolver, ref errors, required: true) ?? default;

    /// <summary>A path in a text field, resolved under the resolver's root, or null when the field is missing or empty.</summary>
    public static SafeFilePath? OptionalPath(IFormCollection form, string name, SafePathResolver resolver, ref ValidationCollector errors)
        => OptionalPath(form, name, resolver, ref errors, required: false);

    /// <summary>An uploaded file whose name passes <paramref name="resolver"/>; the field must carry one.</summary>
    public static SafeFormFile? RequiredFile(IFormCollection form, string name, SafePathResolver resolver, ref ValidationCollector errors)
        => File(form, name, resolver, ref errors, required: true);

    /// <summary>An uploaded file whose name passes <paramref name="resolver"/>, or null when none was sent.</summary>
    public static SafeFormFile? OptionalFile(IFormCollection form, string name, SafePathResolver resolver, ref ValidationCollector errors)
        => File(form, name, resolver, ref errors, required: false);

    private static T? Optional<T>(IFormCollection form, string name, ref ValidationCollector errors, bool required) where T : struct, IParsable<T>
    {
        switch (Get(form, name, emptyIsMissing: true, ref errors, out string text))
        {
            case Presence.Missing when required:
                Missing(name, ref errors);
                return null;
            case Presence.Present when RequestValues.TryParse(text, out T value):
                return value;
            case Presence.Present:
                errors.Add(name, $"The form field '{name}' is not in the expected format.");
                return null;
            default:
                return null;
        }
    }

    private static T? OptionalEnum<T>(IFormCollection form, string name, ref ValidationCollector errors, bool required) where T : struct, Enum
    {
        switch (Get(form, name, emptyIsMissing: true, ref errors, out string text))
        {
            case Presence.Missing when required:
                Missing(name, ref errors);
                return null;
            case Presence.Present when RequestValues.TryParseEnum(text, out T value):
                return value;
            case Presence.Present:
                errors.Add(name, $"The form field '{name}' is not one of the accepted values.");
                return null;
            default:
                return null;
        }
    }

    private static SafeFilePath? OptionalPath(IFormCollection form, string name, SafePathResolver resolver, ref ValidationCollector errors, bool required)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        switch (Get(form, name, emptyIsMissing: true, ref errors, out string text))
        {
            case Presence.Missing when required:
                Missing(name, ref errors);
                return null;
            case Presence.Present:
                SafePathResult result = resolver.Resolve(text);
                if (result.Succeeded)
                {
                    return result.Path;
                }

                errors.Add(name, result.Rejection == PathRejection.NotFound ? "No such file." : "The path is not allowed.");
                return null;
            default:
                return null;
        }
    }

    private static SafeFormFile? File(IFormCollection form, string name, SafePathResolver resolver, ref ValidationCollector errors, bool required)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(resolver);
        var files = form.Files.GetFiles(name);
        switch (files.Count)
        {
            case 0:
                if (required)
                {
                    errors.Add(name, $"The form field '{name}' needs a file.");
                }

                return null;
            case > 1:
                errors.Add(name, $"The form field '{name}' was sent more than once.");
                return null;
        }

        // The client's name is checked like any path from a request: the same rules, the same refusals, never echoed.
        SafePathResult result = resolver.Resolve(files[0].FileName);
        if (!result.Succeeded)
        {
            errors.Add(name, "The file name is not allowed.");
            return null;
        }

        return new SafeFormFile(files[0], result.Path);
    }

    private static string? Missing(string name, ref ValidationCollector errors)
    {
        errors.Add(name, $"The form field '{name}' is required.");
        return null;
    }

    private static Presence Get(IFormCollection form, string name, bool emptyIsMissing, ref ValidationCollector errors, out string text)
    {
        ArgumentNullException.ThrowIfNull(form);
        StringValues values = form[name];
        text = string.Empty;
        switch (values.Count)
        {
            case 0:
                return Presence.Missing;
            case 1:
                text = values[0] ?? string.Empty;
                return emptyIsMissing && text.Length == 0 ? Presence.Missing : Presence.Present;
            default:
                // Parameter pollution: a value checked in one copy and used from another. Neither copy is taken.
                errors.Add(name, $"The form field '{name}' was sent more than once.");
                return Presence.Duplicate;
        }
    }

    private enum Presence
    {
        Missing,
        Present,
        Duplicate,
    }
}
