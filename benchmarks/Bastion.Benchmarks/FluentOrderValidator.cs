using FluentValidation;

namespace Bastion.Benchmarks;

/// <summary>The same rules as a FluentValidation validator, written the way its documentation shows.</summary>
public sealed class FluentOrderValidator : AbstractValidator<Order>
{
    public FluentOrderValidator()
    {
        RuleFor(o => o.Customer).NotEmpty().MaximumLength(80);
        RuleFor(o => o.Email).NotEmpty().EmailAddress();
        RuleFor(o => o.Website).Must(w => w is null || w.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase) || w.StartsWith("https://", System.StringComparison.OrdinalIgnoreCase));
        RuleFor(o => o.Notes).NotEmpty().MaximumLength(500);
        RuleFor(o => o.Signature).MaximumLength(200);
        RuleFor(o => o.Quantity).InclusiveBetween(1, 100);
        RuleFor(o => o.Price).InclusiveBetween(0.01, 10000.0);
        RuleFor(o => o.Currency).NotEmpty().Matches("^[A-Z]{3}$");
        RuleFor(o => o.Address).NotNull().SetValidator(new AddressValidator());
        RuleFor(o => o.Lines).Must(l => l is null || l.Count <= 10);
        RuleForEach(o => o.Lines).SetValidator(new LineValidator());
    }

    private sealed class AddressValidator : AbstractValidator<Address>
    {
        public AddressValidator()
        {
            RuleFor(a => a.Street).NotEmpty().MaximumLength(100);
            RuleFor(a => a.City).NotEmpty().MaximumLength(60);
            RuleFor(a => a.Zip).NotEmpty().Matches("^[0-9]{5}$");
        }
    }

    private sealed class LineValidator : AbstractValidator<Line>
    {
        public LineValidator()
        {
            RuleFor(l => l.Sku).NotEmpty().MaximumLength(40);
            RuleFor(l => l.Count).InclusiveBetween(1, 1000);
        }
    }
}
