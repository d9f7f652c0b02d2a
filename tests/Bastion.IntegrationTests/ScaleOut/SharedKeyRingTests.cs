using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Bastion.DataProtection;
using Bastion.PostgreSql;
using Bastion.Redis;
using Bastion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;
using Xunit;

namespace Bastion.IntegrationTests.ScaleOut;

/// <summary>
/// The Data Protection key ring on a shared store: what one instance protects another opens, also right after one of
/// them rotates the key; bad settings stop start-up naming the setting; keys unencrypted at rest are warned about.
/// </summary>
public sealed class SharedKeyRingTests(RedisServer redis, PostgresCluster postgres) : IClassFixture<RedisServer>, IClassFixture<PostgresCluster>
{
    private const string Purpose = "scale-out-tests";

    private static WebApplication App(Dictionary<string, string?> settings, Browser.CapturedLogs? logs = null, string environment = "Development")
    {
        WebApplicationBuilder builder = ScaleOutApps.Builder(settings, logs, environment);
        builder.AddBastionDataProtection(stores => stores.AddRedis().AddPostgreSql());
        return builder.Build();
    }

    private static void AssertInstancesShareKeys(Dictionary<string, string?> settings)
    {
        // Different content roots would give different default application names: the configured one is shared.
        using WebApplication a = App(settings);
        using WebApplication b = App(settings);
        IDataProtector protectA = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        IDataProtector protectB = b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        Assert.Equal("from a", protectB.Unprotect(protectA.Protect("from a")));
        Assert.Equal("from b", protectA.Unprotect(protectB.Protect("from b")));

        // Rotation on one instance: a new key, active now. The other instance has never seen it and refreshes its ring
        // when a payload names an unknown key, so nothing protected with the new key is refused there.
        IKey rotated = a.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));
        string fresh = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("after rotation");
        Assert.Equal("after rotation", protectB.Unprotect(fresh));
        Assert.Contains(b.Services.GetRequiredService<IKeyManager>().GetAllKeys(), k => k.KeyId == rotated.KeyId);
    }

    [Fact]
    public void Instances_on_Redis_open_each_others_payloads_across_a_rotation()
    {
        Assert.SkipWhen(redis.SkipReason is not null, redis.SkipReason ?? string.Empty);
        string key = "dp-" + Guid.NewGuid().ToString("N");
        AssertInstancesShareKeys(new()
        {
            ["Bastion:DataProtection:Store"] = "Redis",
            ["Bastion:DataProtection:ApplicationName"] = "shared-app",
            ["Bastion:DataProtection:Redis:Key"] = key,
            ["Bastion:Redis:Configuration"] = redis.Configuration,
        });
        using ConnectionMultiplexer client = ConnectionMultiplexer.Connect(redis.Configuration);
        Assert.True(client.GetDatabase().ListLength(key) >= 2, "both keys are in the Redis list");
    }

    [Fact]
    public async Task Instances_on_PostgreSQL_open_each_others_payloads_across_a_rotation()
    {
        Assert.SkipWhen(postgres.SkipReason is not null, postgres.SkipReason ?? string.Empty);
        string database = await ScaleOutApps.NewDatabaseAsync(postgres);
        AssertInstancesShareKeys(new()
        {
            ["Bastion:DataProtection:Store"] = "PostgreSQL",
            ["Bastion:DataProtection:ApplicationName"] = "shared-app",
            ["Bastion:PostgreSql:ConnectionString"] = database,
        });
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM bastion_data_protection_keys WHERE xml LIKE '<key %'", connection);
        Assert.True((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))! >= 2);
    }

    [Fact]
    public void Instances_on_a_shared_folder_open_each_others_payloads()
    {
        string folder = Directory.CreateTempSubdirectory("bastion-dp-").FullName;
        try
        {
            AssertInstancesShareKeys(new() { ["Bastion:DataProtection:Store"] = "FileSystem", ["Bastion:DataProtection:FileSystem:Path"] = folder });
            Assert.NotEmpty(Directory.GetFiles(folder, "key-*.xml"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Redis", null, "'Bastion:Redis:Configuration' is required")]
    [InlineData("PostgreSQL", null, "'Bastion:PostgreSql:ConnectionString' is required")]
    [InlineData("FileSystem", null, "'Bastion:DataProtection:FileSystem:Path' is required when Bastion:DataProtection:Store is 'FileSystem'")]
    [InlineData("Memcached", null, "'Bastion:DataProtection:Store' is 'Memcached', which this app cannot use; one of: FileSystem, Redis, PostgreSQL")]
    [InlineData("Redis", "no-package", "'Bastion:DataProtection:Store' is 'Redis', which this app cannot use (add the Bastion.Redis package and pass stores => stores.AddRedis())")]
    public void A_missing_or_bad_setting_stops_start_up_naming_it(string store, string? variant, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Bastion:DataProtection:Store"] = store };
        WebApplicationBuilder builder = ScaleOutApps.Builder(settings);
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            if (variant == "no-package")
            {
                builder.AddBastionDataProtection();
            }
            else
            {
                builder.AddBastionDataProtection(stores => stores.AddRedis().AddPostgreSql());
            }
        });
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_Redis_setting_is_named_without_its_value()
    {
        var settings = new Dictionary<string, string?> { ["Bastion:DataProtection:Store"] = "Redis", ["Bastion:Redis:Configuration"] = "127.0.0.1:1,password=hunter2-secret,notAnOption=1" };
        var error = Assert.Throws<InvalidOperationException>(() => ScaleOutApps.Builder(settings).AddBastionDataProtection(stores => stores.AddRedis()));
        Assert.Contains("'Bastion:Redis:Configuration' is not a valid Redis configuration string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_warns_about_unencrypted_keys_and_a_certificate_encrypts_them()
    {
        string folder = Directory.CreateTempSubdirectory("bastion-dp-").FullName;
        try
        {
            var plain = new Browser.CapturedLogs();
            await using (WebApplication app = App(new() { ["Bastion:DataProtection:Store"] = "FileSystem", ["Bastion:DataProtection:FileSystem:Path"] = Path.Combine(folder, "plain") }, plain, "Production"))
            {
                await app.StartAsync(TestContext.Current.CancellationToken);
                await app.StopAsync(TestContext.Current.CancellationToken);
            }

            Assert.True(plain.Contains("Data Protection keys are stored unencrypted at rest"), string.Join("\n", plain.Lines));

            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=bastion-dp", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(Path.Combine(folder, "dp.pfx"), certificate.Export(X509ContentType.Pfx, "pfx-password"), TestContext.Current.CancellationToken);
            }

            var encrypted = new Browser.CapturedLogs();
            Dictionary<string, string?> settings = new()
            {
                ["Bastion:DataProtection:Store"] = "FileSystem",
                ["Bastion:DataProtection:FileSystem:Path"] = Path.Combine(folder, "encrypted"),
                ["Bastion:DataProtection:Certificate:Path"] = Path.Combine(folder, "dp.pfx"),
                ["Bastion:DataProtection:Certificate:Password"] = "pfx-password",
            };
            await using (WebApplication app = App(settings, encrypted, "Production"))
            {
                await app.StartAsync(TestContext.Current.CancellationToken);
                IDataProtector protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
                Assert.Equal("secret", protector.Unprotect(protector.Protect("secret")));
                await app.StopAsync(TestContext.Current.CancellationToken);
            }

            Assert.False(encrypted.Contains("stored unencrypted at rest"));
            string xml = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(folder, "encrypted"), "key-*.xml").Single(), TestContext.Current.CancellationToken);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);

            settings["Bastion:DataProtection:Certificate:Password"] = "wrong";
            var error = Assert.Throws<InvalidOperationException>(() => App(settings));
            Assert.Contains("'Bastion:DataProtection:Certificate:Path' (with 'Bastion:DataProtection:Certificate:Password') is not a readable PFX file", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
