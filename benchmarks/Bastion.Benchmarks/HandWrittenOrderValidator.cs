using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Bastion.Benchmarks;

/// <summary>The floor: the same rules written by hand, errors allocated only when there are any.</summary>
public static partial class HandWrittenOrderValidator
{
    public static Dictionary<string, string[]>? Validate(Order order)
    {
        Dictionary<string, string[]>? errors = null;
        void Add(string key, string message) => (errors ??= new()).Add(key, [message]);

        if (string.IsNullOrWhiteSpace(order.Customer) || order.Customer.Length > 80) Add("customer", "invalid");
        if (string.IsNullOrWhiteSpace(order.Email) || !IsEmail(order.Email)) Add("email", "invalid");
        if (order.Website is { } site && !site.StartsWith("https://", System.StringComparison.OrdinalIgnoreCase) && !site.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase)) Add("website", "invalid");
        if (string.IsNullOrWhiteSpace(order.Notes) || order.Notes.Length > 500) Add("notes", "invalid");
        if (order.Signature is { Length: > 200 }) Add("signature", "invalid");
        if (order.Quantity is < 1 or > 100) Add("quantity", "invalid");
        if (!(order.Price >= 0.01 && order.Price <= 10000.0)) Add("price", "invalid");
        if (string.IsNullOrWhiteSpace(order.Currency) || !Currency().IsMatch(order.Currency)) Add("currency", "invalid");
        if (order.Address is null) Add("address", "required");
        else
        {
            if (string.IsNullOrWhiteSpace(order.Address.Street) || order.Address.Street.Length > 100) Add("address.street", "invalid");
            if (string.IsNullOrWhiteSpace(order.Address.City) || order.Address.City.Length > 60) Add("address.city", "invalid");
            if (string.IsNullOrWhiteSpace(order.Address.Zip) || !Zip().IsMatch(order.Address.Zip)) Add("address.zip", "invalid");
        }

        if (order.Lines is { Count: > 10 }) Add("lines", "too many");
        for (int i = 0; i < (order.Lines?.Count ?? 0); i++)
        {
            Line line = order.Lines![i];
            if (string.IsNullOrWhiteSpace(line.Sku) || line.Sku.Length > 40) Add($"lines[{i}].sku", "invalid");
            if (line.Count is < 1 or > 1000) Add($"lines[{i}].count", "invalid");
        }

        return errors;
    }

    private static bool IsEmail(string value)
    {
        int at = value.IndexOf('@', System.StringComparison.Ordinal);
        return at > 0 && at != value.Length - 1 && at == value.LastIndexOf('@');
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex Zip();
}
