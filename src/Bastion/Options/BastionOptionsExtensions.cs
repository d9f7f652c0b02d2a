using System;
using Bastion.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bastion;

/// <summary>Registration of generated options.</summary>
public static class BastionOptionsExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TOptions"/> (a <see cref="BastionOptionsAttribute"/> type) as
    /// <c>IOptionsMonitor</c>, <c>IOptions</c> and <c>IOptionsSnapshot</c>, bound by its generated code from
    /// <c>builder.Configuration</c> and checked when the app starts (ValidateOnStart) and on every reload.
    /// <c>builder.AddBastion()</c> calls this for every options type of the app's assembly.
    /// </summary>
    public static IHostApplicationBuilder AddBastionOptions<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(this IHostApplicationBuilder builder) where TOptions : class, IBastionOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        IConfiguration configuration = builder.Configuration;
        bool development = builder.Environment.IsDevelopment();
        IServiceCollection services = builder.Services;
        services.AddOptions<TOptions>().ValidateOnStart();
        services.AddSingleton<IOptionsMonitor<TOptions>>(provider => new BastionOptionsMonitor<TOptions>(
            configuration, development, provider.GetRequiredService<ILogger<BastionOptionsMonitor<TOptions>>>()));
        services.AddSingleton<IOptions<TOptions>>(provider => Microsoft.Extensions.Options.Options.Create(provider.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue));
        services.AddScoped<IOptionsSnapshot<TOptions>>(provider => new Snapshot<TOptions>(provider.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue));
        return builder;
    }

    private sealed class Snapshot<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(TOptions value) : IOptionsSnapshot<TOptions> where TOptions : class
    {
        public TOptions Value => value;

        public TOptions Get(string? name) => string.IsNullOrEmpty(name) ? value : throw new InvalidOperationException($"Bastion options '{typeof(TOptions).Name}' have no named instance '{name}'.");
    }
}
