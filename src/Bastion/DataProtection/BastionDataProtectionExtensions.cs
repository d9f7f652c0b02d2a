using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bastion.DataProtection;

/// <summary>
/// Data Protection for several instances, from <c>Bastion:DataProtection</c>: <c>ApplicationName</c> (default: the
/// host's application name; every instance must use the same one, so it never comes from the content root path),
/// <c>Store</c> (<c>FileSystem</c>, or a store a package adds: <c>Redis</c>, <c>PostgreSQL</c>; unset keeps ASP.NET
/// Core's per-machine default) and <c>Certificate:Path</c> + <c>Certificate:Password</c> (a PFX that encrypts keys at
/// rest; without it a Production app logs a warning at start-up). A missing or bad value is a start-up error naming it.
/// </summary>
public static class BastionDataProtectionExtensions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Bastion:DataProtection";

    private static readonly string[] KnownStores = ["FileSystem", "Redis", "PostgreSQL"];

    /// <summary>Adds Data Protection with the configured store; <paramref name="stores"/> adds the stores of other packages.</summary>
    public static IHostApplicationBuilder AddBastionDataProtection(this IHostApplicationBuilder builder, Action<DataProtectionStores>? stores = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IConfigurationSection section = builder.Configuration.GetSection(SectionName);
        var choices = new DataProtectionStores();
        stores?.Invoke(choices);

        string applicationName = section["ApplicationName"] is { } named && !string.IsNullOrWhiteSpace(named) ? named : builder.Environment.ApplicationName;
        IDataProtectionBuilder dataProtection = builder.Services.AddDataProtection().SetApplicationName(applicationName);
        var context = new DataProtectionStoreContext(dataProtection, section, builder.Configuration, builder.Environment);

        string? store = section["Store"];
        if (store is not null)
        {
            if (!choices.TryGet(store, out Action<DataProtectionStoreContext> configure))
            {
                string known = string.Join(", ", KnownStores.Union(choices.Names));
                string package = store switch
                {
                    "Redis" => " (add the Bastion.Redis package and pass stores => stores.AddRedis())",
                    "PostgreSQL" => " (add the Bastion.PostgreSql package and pass stores => stores.AddPostgreSql())",
                    _ => string.Empty,
                };
                throw new InvalidOperationException($"Bastion: configuration key '{section.Path}:Store' is '{store}', which this app cannot use{package}; one of: {known}.");
            }

            configure(context);
        }

        if (section.GetSection("Certificate")["Path"] is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(section, certificate, builder.Environment.ContentRootPath));
        }

        // The store's failures become KeyRingUnavailableException, which UseBastion answers with a 503.
        builder.Services.PostConfigure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(options =>
        {
            if (options.XmlRepository is { } repository and not GuardedXmlRepository)
            {
                options.XmlRepository = new GuardedXmlRepository(repository);
            }
        });
        builder.Services.AddHostedService<DataProtectionAtRestWarning>();
        return builder;
    }

    private static X509Certificate2 LoadCertificate(IConfigurationSection section, string path, string contentRoot)
    {
        string key = section.Path + ":Certificate:Path";
        string file = Path.GetFullPath(path, contentRoot);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"Bastion: configuration key '{key}' names '{file}', which does not exist.");
        }

        string? password = section.GetSection("Certificate")["Password"];
        if (password is not null && password.StartsWith("file:", StringComparison.Ordinal))
        {
            password = File.ReadAllText(Path.GetFullPath(password[5..], contentRoot)).Trim();
        }

        try
        {
            X509Certificate2 loaded = X509CertificateLoader.LoadPkcs12FromFile(file, password);
            if (!loaded.HasPrivateKey)
            {
                throw new InvalidOperationException($"Bastion: configuration key '{key}' names a certificate without its private key; keys encrypted with it could not be read back.");
            }

            return loaded;
        }
        catch (CryptographicException error)
        {
            // The message may describe the file's content; only the setting is named.
            throw new InvalidOperationException($"Bastion: configuration key '{key}' (with '{section.Path}:Certificate:Password') is not a readable PFX file.", error);
        }
    }
}
