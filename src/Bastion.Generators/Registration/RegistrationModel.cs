using Bastion.Generators.Shared;

namespace Bastion.Generators.Registration;

/// <summary>
/// What the generated <c>AddBastion()</c> registers beyond the library's: every [BastionOptions] type of the assembly
/// (fully qualified names, sorted) and, when an endpoint is pinned to a token CSRF mode, antiforgery tokens.
/// </summary>
internal sealed record RegistrationModel(EquatableArray<string> OptionsTypes, bool CsrfTokens)
{
    public bool IsEmpty => OptionsTypes.IsEmpty && !CsrfTokens;
}
