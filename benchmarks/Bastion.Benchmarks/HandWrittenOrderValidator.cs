using System.Collections.Generic;
using System.Text.RegularExpressions;
using Bastion.Html;
using Bastion.Validation;

namespace Bastion.Benchmarks;

/// <summary>
/// The floor: the same rules and the same work as Bastion's generated checks, written straight-line by hand. Every
/// check calls what the generated code calls (<see cref="ValidationChecks"/> with its control-character scans,
/// full-match regex semantics, the Text and BasicFormatting sanitizer scans), sanitizes first, and on invalid input
/// produces the same 400 problem: every message, keyed by JSON path (<c>lines[1].sku</c>), several per key. What is left
/// between this and the generated code is the generated code's own structure (the error collector, path bookkeeping,
/// the record rebuilt only when a value changed).
/// </summary>
public static partial class HandWrittenOrderValidator
{
    public static Microsoft.AspNetCore.Http.IResult? Validate(ref Order order)
    {
        Dictionary<string, List<string>>? errors = null;

        string customer = order.Customer;
        if (string.IsNullOrWhiteSpace(customer)) Add(ref errors, "customer", "The customer field is required.");
        if (customer is { Length: > 80 }) Add(ref errors, "customer", "The customer field must have at most 80 characters.");

        string email = order.Email;
        if (string.IsNullOrWhiteSpace(email)) Add(ref errors, "email", "The email field is required.");
        if (email is not null && !ValidationChecks.IsEmailAddress(email)) Add(ref errors, "email", "The email field is not a valid e-mail address.");

        if (order.Website is { } website && !ValidationChecks.IsHttpUrl(website)) Add(ref errors, "website", "The website field is not a valid http or https URL.");

        string notes = order.Notes;
        if (notes is not null)
        {
            if (notes.Length > SanitizeAttribute.DefaultMaxInputLength) Add(ref errors, "notes", "The notes field is longer than the 65536 characters accepted.");
            else notes = HtmlText.Encode(notes);
        }

        if (string.IsNullOrWhiteSpace(notes)) Add(ref errors, "notes", "The notes field is required.");
        if (notes is { Length: > 500 }) Add(ref errors, "notes", "The notes field must have at most 500 characters.");

        string? signature = order.Signature;
        if (signature is not null)
        {
            if (signature.Length > SanitizeAttribute.DefaultMaxInputLength) Add(ref errors, "signature", "The signature field is longer than the 65536 characters accepted.");
            else signature = HtmlPolicySanitizer.SanitizeBasicFormatting(signature);
        }

        if (signature is { Length: > 200 }) Add(ref errors, "signature", "The signature field must have at most 200 characters.");
        if (order.Quantity is < 1 or > 100) Add(ref errors, "quantity", "The quantity field must be 1 or more and 100 or less.");
        if (!(order.Price >= 0.01 && order.Price <= 10000.0)) Add(ref errors, "price", "The price field must be 0.01 or more and 10000 or less.");

        string currency = order.Currency;
        if (string.IsNullOrWhiteSpace(currency)) Add(ref errors, "currency", "The currency field is required.");
        if (currency is { Length: > 0 } && !ValidationChecks.IsFullMatch(Currency(), currency)) Add(ref errors, "currency", "The currency field is not in the expected format.");

        if (order.Address is not { } address)
        {
            Add(ref errors, "address", "The address field is required.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(address.Street)) Add(ref errors, "address.street", "The street field is required.");
            if (address.Street is { Length: > 100 }) Add(ref errors, "address.street", "The street field must have at most 100 characters.");
            if (string.IsNullOrWhiteSpace(address.City)) Add(ref errors, "address.city", "The city field is required.");
            if (address.City is { Length: > 60 }) Add(ref errors, "address.city", "The city field must have at most 60 characters.");
            if (string.IsNullOrWhiteSpace(address.Zip)) Add(ref errors, "address.zip", "The zip field is required.");
            if (address.Zip is { Length: > 0 } && !ValidationChecks.IsFullMatch(Zip(), address.Zip)) Add(ref errors, "address.zip", "The zip field is not in the expected format.");
        }

        IReadOnlyList<Line>? lines = order.Lines;
        if (lines is { Count: > 10 }) Add(ref errors, "lines", "The lines field must have at most 10 items.");
        for (int i = 0; i < (lines?.Count ?? 0); i++)
        {
            Line? line = lines![i];
            if (line is null)
            {
                Add(ref errors, $"lines[{i}]", "The value must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Sku)) Add(ref errors, $"lines[{i}].sku", "The sku field is required.");
            if (line.Sku is { Length: > 40 }) Add(ref errors, $"lines[{i}].sku", "The sku field must have at most 40 characters.");
            if (line.Count is < 1 or > 1000) Add(ref errors, $"lines[{i}].count", "The count field must be 1 or more and 1000 or less.");
        }

        if (!ReferenceEquals(notes, order.Notes) || !ReferenceEquals(signature, order.Signature))
        {
            order = order with { Notes = notes!, Signature = signature };
        }

        if (errors is null)
        {
            return null;
        }

        var result = new Dictionary<string, string[]>(errors.Count, System.StringComparer.Ordinal);
        foreach (KeyValuePair<string, List<string>> pair in errors)
        {
            result.Add(pair.Key, pair.Value.ToArray());
        }

        return Endpoints.BastionProblems.Validation(result);
    }

    private static void Add(ref Dictionary<string, List<string>>? errors, string key, string message)
    {
        errors ??= new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
        if (!errors.TryGetValue(key, out List<string>? messages))
        {
            errors.Add(key, messages = new List<string>(1));
        }

        messages.Add(message);
    }

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Currency();

    [GeneratedRegex("^[0-9]{5}$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Zip();
}
