using System.Collections.Generic;
using System.Linq;
using System.ComponentModel.DataAnnotations;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace Bastion.Benchmarks;

/// <summary>
/// Validating a ten-field order (nested address, three lines), valid and with four broken fields:
/// Bastion's generated checks against DataAnnotations' Validator, the .NET 10 validation generator
/// (Microsoft.Extensions.Validation), FluentValidation, and hand-written checks (the floor).
/// Every contender walks the nested records.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ValidationBenchmarks
{
    private readonly FluentOrderValidator _fluent = new();
    private Order _valid = null!;
    private Order _invalid = null!;
    private ValidationOptions _options = null!;
    private IValidatableInfo _orderInfo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _valid = OrderSamples.Valid();
        _invalid = OrderSamples.Invalid();
        var services = new ServiceCollection();
        MicrosoftValidation.Add(services);
        _options = services.BuildServiceProvider().GetRequiredService<IOptions<ValidationOptions>>().Value;
        if (!_options.TryGetValidatableTypeInfo(typeof(Order), out IValidatableInfo? info))
        {
            throw new System.InvalidOperationException("The .NET validation generator produced no validator for Order.");
        }

        _orderInfo = info;

        // Every contender must reach the same verdicts, or the comparison measures different work.
        bool[] verdicts =
        [
            Bastion_generated_valid(), HandWritten_valid(), DataAnnotations_valid(), ExtensionsValidation_valid().GetAwaiter().GetResult(), FluentValidation_valid(),
            !Bastion_generated_invalid(), !HandWritten_invalid(), !DataAnnotations_invalid(), !ExtensionsValidation_invalid().GetAwaiter().GetResult(), !FluentValidation_invalid(),
        ];
        if (System.Array.IndexOf(verdicts, false) >= 0)
        {
            throw new System.InvalidOperationException("Validators disagree: " + string.Join(", ", verdicts));
        }

        // The floor does the same work: on the invalid order it reports exactly the problem the generated code reports.
        Order generatedOrder = _invalid, floorOrder = _invalid;
        string generated = Errors(OrderEndpoints.BastionGenerated.SanitizeAndValidate(ref generatedOrder));
        string floor = Errors(HandWrittenOrderValidator.Validate(ref floorOrder));
        if (generated != floor)
        {
            throw new System.InvalidOperationException($"The floor reports other errors than the generated code:\n{floor}\n{generated}");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Valid")]
    public bool Bastion_generated_valid() => Bastion(_valid);

    [Benchmark, BenchmarkCategory("Valid")]
    public bool HandWritten_valid() => HandWritten(_valid);

    [Benchmark, BenchmarkCategory("Valid")]
    public bool DataAnnotations_valid() => DataAnnotations(_valid);

    [Benchmark, BenchmarkCategory("Valid")]
    public Task<bool> ExtensionsValidation_valid() => ExtensionsValidation(_valid);

    [Benchmark, BenchmarkCategory("Valid")]
    public bool FluentValidation_valid() => _fluent.Validate(_valid).IsValid;

    [Benchmark(Baseline = true), BenchmarkCategory("Invalid")]
    public bool Bastion_generated_invalid() => Bastion(_invalid);

    [Benchmark, BenchmarkCategory("Invalid")]
    public bool HandWritten_invalid() => HandWritten(_invalid);

    [Benchmark, BenchmarkCategory("Invalid")]
    public bool DataAnnotations_invalid() => DataAnnotations(_invalid);

    [Benchmark, BenchmarkCategory("Invalid")]
    public Task<bool> ExtensionsValidation_invalid() => ExtensionsValidation(_invalid);

    [Benchmark, BenchmarkCategory("Invalid")]
    public bool FluentValidation_invalid() => _fluent.Validate(_invalid).IsValid;

    private static bool Bastion(Order order) => OrderEndpoints.BastionGenerated.SanitizeAndValidate(ref order) is null;

    private static bool HandWritten(Order order) => HandWrittenOrderValidator.Validate(ref order) is null;

    private static string Errors(Microsoft.AspNetCore.Http.IResult? problem)
        => problem is Microsoft.AspNetCore.Http.HttpResults.ValidationProblem validation
            ? string.Join("; ", validation.ProblemDetails.Errors.OrderBy(e => e.Key, System.StringComparer.Ordinal).Select(e => e.Key + ": " + string.Join(" | ", e.Value)))
            : "no problem";

    private static bool DataAnnotations(Order order)
    {
        var results = new List<ValidationResult>();
        bool valid = Validator.TryValidateObject(order, new ValidationContext(order), results, validateAllProperties: true)
            & Validator.TryValidateObject(order.Address, new ValidationContext(order.Address), results, validateAllProperties: true);
        foreach (Line line in order.Lines)
        {
            valid &= Validator.TryValidateObject(line, new ValidationContext(line), results, validateAllProperties: true);
        }

        return valid;
    }

    private async Task<bool> ExtensionsValidation(Order order)
    {
        var context = new ValidateContext { ValidationOptions = _options, ValidationContext = new ValidationContext(order) };
        await _orderInfo.ValidateAsync(order, context, default);
        return context.ValidationErrors is null or { Count: 0 };
    }
}
