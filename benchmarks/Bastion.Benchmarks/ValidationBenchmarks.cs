using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using BenchmarkDotNet.Attributes;

namespace Bastion.Benchmarks;

/// <summary>
/// Validating a valid ten-field order: Bastion's generated checks against DataAnnotations'
/// reflection-based Validator (the runtime approach), both walking the nested records.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private Order _order = null!;

    [GlobalSetup]
    public void Setup() => _order = new Order(
        "Ada Lovelace", "ada@example.com", "https://example.com", "Please ring twice. Thanks!", "Ada", 3, 19.99, "EUR",
        new Address("1 Analytical Engine Way", "London", "12345"),
        new List<Line> { new("SKU-1", 1), new("SKU-2", 4), new("SKU-3", 2) });

    [Benchmark(Baseline = true)]
    public bool Bastion_generated()
    {
        Order order = _order;
        return OrderEndpoints.BastionGenerated.SanitizeAndValidate(ref order) is null;
    }

    [Benchmark]
    public bool DataAnnotations_Validator()
    {
        var results = new List<ValidationResult>();
        bool valid = Validator.TryValidateObject(_order, new ValidationContext(_order), results, validateAllProperties: true)
            && Validator.TryValidateObject(_order.Address, new ValidationContext(_order.Address), results, validateAllProperties: true);
        foreach (Line line in _order.Lines)
        {
            valid &= Validator.TryValidateObject(line, new ValidationContext(line), results, validateAllProperties: true);
        }

        return valid;
    }
}
