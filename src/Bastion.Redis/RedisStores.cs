using System;
using Bastion.ApiKeys;
using Bastion.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Bastion.Redis;

/// <summary>Registration of Bastion's Redis pieces.</summary>
public static class RedisStores
{
    /// <summary>The default Redis key of the Data Protection key ring.</summary>
    public const string DefaultKeyRingKey = "bastion:data-protection:keys";

    /// <summary>
    /// Makes <c>Redis</c> a choice for <c>Bastion:DataProtection:Store</c>: keys in the Redis list
    /// <c>Bastion:DataProtection:Redis:Key</c> (default <see cref="DefaultKeyRingKey"/>) on <c>Bastion:Redis:Configuration</c>.
    /// </summary>
    public static DataProtectionStores AddRedis(this DataProtectionStores stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        return stores.Add("Redis", context =>
        {
            RedisConnection connection = RedisConnection.For(context.Services, context.Configuration);
            string key = context.Section["Redis:Key"] is { Length: > 0 } configured ? configured : DefaultKeyRingKey;
            context.Builder.PersistKeysToStackExchangeRedis(() => connection.Multiplexer.GetDatabase(), new RedisKey(key));
        });
    }

    /// <summary>
    /// API-key changes over Redis pub/sub (channel <see cref="RedisApiKeyChangeFeed.Channel"/>): every instance may cache
    /// key rows and drops one as soon as any instance retires or revokes it. Call before <c>AddBastionApiKeys</c>.
    /// </summary>
    public static IHostApplicationBuilder AddBastionRedisApiKeyChanges(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        RedisConnection connection = RedisConnection.For(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<RedisApiKeyChangeFeed>(provider => new RedisApiKeyChangeFeed(connection));
        builder.Services.AddSingleton<ApiKeyChangeFeed>(provider => provider.GetRequiredService<RedisApiKeyChangeFeed>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RedisApiKeyChangeFeed>());
        return builder;
    }
}
