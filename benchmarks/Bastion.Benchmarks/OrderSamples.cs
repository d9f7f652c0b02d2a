using System.Collections.Generic;

namespace Bastion.Benchmarks;

/// <summary>The valid and the invalid order every validation benchmark checks.</summary>
public static class OrderSamples
{
    public static Order Valid() => new(
        "Ada Lovelace", "ada@example.com", "https://example.com", "Please ring twice. Thanks!", "Ada", 3, 19.99, "EUR",
        new Address("1 Analytical Engine Way", "London", "12345"),
        new List<Line> { new("SKU-1", 1), new("SKU-2", 4), new("SKU-3", 2) });

    /// <summary>Four broken fields: e-mail, quantity, currency and the second line's SKU.</summary>
    public static Order Invalid() => Valid() with
    {
        Email = "not-an-address",
        Quantity = 0,
        Currency = "euro",
        Lines = new List<Line> { new("SKU-1", 1), new("", 4), new("SKU-3", 2) },
    };
}
