using System.ComponentModel;
using Bastion.Validation;
using Microsoft.Extensions.Configuration;

namespace Bastion.Options;

/// <summary>
/// Implemented by the generator for every <see cref="BastionOptionsAttribute"/> type: binding and checks as static
/// members, so registration is generic and needs no reflection.
/// </summary>
public interface IBastionOptions<TSelf> where TSelf : class, IBastionOptions<TSelf>
{
    /// <summary>The configuration section the type is bound from.</summary>
    static abstract string ConfigurationSection { get; }

    /// <summary>Creates an instance from <paramref name="section"/>; values that cannot be read are added to <paramref name="errors"/> by key.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static abstract TSelf BindFrom(IConfiguration section, ref ValidationCollector errors);

    /// <summary>Runs the DataAnnotations and [Secret] checks; placeholders are refused unless <paramref name="development"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static abstract void Check(TSelf value, bool development, ref ValidationCollector errors);
}
