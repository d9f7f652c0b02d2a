using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bastion.DataProtection;

/// <summary>
/// The key-ring stores an app can choose with <c>Bastion:DataProtection:Store</c>. <c>FileSystem</c> is built in;
/// packages add the others (<c>stores.AddRedis()</c> from Bastion.Redis, <c>stores.AddPostgreSql()</c> from
/// Bastion.PostgreSql), so the core package takes no Redis or Npgsql dependency.
/// </summary>
public sealed class DataProtectionStores
{
    private readonly Dictionary<string, Action<DataProtectionStoreContext>> _stores = new(StringComparer.Ordinal);

    internal DataProtectionStores() => Add("FileSystem", FileSystemStore.Configure);

    /// <summary>The store names that can be chosen.</summary>
    public IReadOnlyCollection<string> Names => _stores.Keys;

    /// <summary>Makes <paramref name="name"/> a choice; <paramref name="configure"/> runs only when it is the chosen one.</summary>
    public DataProtectionStores Add(string name, Action<DataProtectionStoreContext> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        _stores[name] = configure;
        return this;
    }

    internal bool TryGet(string name, out Action<DataProtectionStoreContext> configure) => _stores.TryGetValue(name, out configure!);
}

/// <summary>What a store's configuration step gets: the Data Protection builder, the section, the host.</summary>
/// <param name="Builder">The Data Protection builder to persist keys with.</param>
/// <param name="Section">The <c>Bastion:DataProtection</c> section (a store reads <c>Section:{StoreName}</c>).</param>
/// <param name="Configuration">The app's whole configuration (a store may share a connection string).</param>
/// <param name="Environment">The host environment.</param>
public sealed record DataProtectionStoreContext(IDataProtectionBuilder Builder, IConfigurationSection Section, IConfiguration Configuration, IHostEnvironment Environment)
{
    /// <summary>The app's services.</summary>
    public IServiceCollection Services => Builder.Services;

    /// <summary>A value the chosen store needs: missing or blank is a start-up error naming the key.</summary>
    public string Required(string relativeKey)
    {
        string? value = Section[relativeKey];
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"Bastion: configuration key '{Section.Path}:{relativeKey}' is required when {Section.Path}:Store is '{Section["Store"]}'.")
            : value;
    }
}
