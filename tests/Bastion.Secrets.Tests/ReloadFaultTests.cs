using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Bastion.Jwt;
using Bastion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bastion.Secrets.Tests;

/// <summary>
/// Configuration reloads run on the thread that raised the change: a file watcher or poll (which swallows an escaping
/// exception, so the change is lost without a word) or whoever called <c>Reload()</c> (who gets an exception that is
/// not theirs). A secret file that is listed but cannot be read (a Kubernetes key symlink left dangling for a moment
/// while a Secret loses a key, a file deleted between listing and reading, an I/O error), a key file that cannot be
/// read, or a change listener that throws must leave the last good values in use, be logged without any value, and
/// keep the app serving.
/// </summary>
public sealed class ReloadFaultTests
{
    [Fact]
    public async Task A_secrets_directory_entry_that_cannot_be_read_keeps_the_last_secrets_and_the_app_serving()
    {
        using var temporary = new TemporaryDirectory("bastion-secrets-fault-");
        string directory = temporary.Path;
        File.WriteAllText(Path.Combine(directory, "Payments__ApiKey"), Canary.ApiKey);
        Dictionary<string, string?> config = TestSupport.ConfigurationWithSecretsIn(directory);
        var logs = new CapturedLogs();
        await using WebApplication app = TestSupport.Builder("Production", config, logs).AddBastion().Build();
        app.MapGet("/alive", () => "yes");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<PaymentOptions>>();

        // One change: the key is rotated, and a second entry is listed that cannot be opened.
        File.WriteAllText(Path.Combine(directory, "Payments__ApiKey"), Canary.RotatedKey);
        File.CreateSymbolicLink(Path.Combine(directory, "Payments__Retries"), Path.Combine(directory, "removed-in-the-new-version"));
        await TestSupport.WaitForAsync(() => logs.Contains("could not be read"), "the unreadable entry was not reported");

        // Nothing of that change is applied: a half-read directory is not a configuration.
        Assert.Equal(Canary.ApiKey, monitor.CurrentValue.ApiKey);
        string warning = Assert.Single(logs.Lines.Distinct(), l => l.Contains("could not be read", StringComparison.Ordinal));
        Assert.Contains("Payments__Retries", warning, StringComparison.Ordinal);
        Assert.Contains("Bastion:Secrets:Directory", warning, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = TestSupport.AddressOf(app) };
        Assert.Equal("yes", await client.GetStringAsync("/alive", TestContext.Current.CancellationToken));

        // The entry goes away (the rest of the swap): the whole change is read and applied.
        File.Delete(Path.Combine(directory, "Payments__Retries"));
#pragma warning disable BAS1601 // The canary literal is the test's own fake key.
        await TestSupport.WaitForAsync(() => monitor.CurrentValue.ApiKey == Canary.RotatedKey, "the repaired directory was not read");
#pragma warning restore BAS1601
        Assert.Equal("yes", await client.GetStringAsync("/alive", TestContext.Current.CancellationToken));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_Kubernetes_style_secret_swap_is_picked_up_and_a_key_removed_with_it_goes_away()
    {
        // The layout kubelet writes for a mounted Secret: key links into "..data", itself a link to a timestamped folder;
        // an update writes a new folder, renames a fresh "..data_tmp" link over "..data", then fixes the key links.
        using var temporary = new TemporaryDirectory("bastion-secrets-k8s-");
        string directory = temporary.Path;
        WriteVersion(directory, "..2026_12_07_01", ("Payments__ApiKey", Canary.ApiKey), ("Payments__Retries", "4"));
        File.CreateSymbolicLink(Path.Combine(directory, "..data"), "..2026_12_07_01");
        File.CreateSymbolicLink(Path.Combine(directory, "Payments__ApiKey"), "..data/Payments__ApiKey");
        File.CreateSymbolicLink(Path.Combine(directory, "Payments__Retries"), "..data/Payments__Retries");
        Dictionary<string, string?> config = TestSupport.ConfigurationWithSecretsIn(directory);
        var logs = new CapturedLogs();
        await using WebApplication app = TestSupport.Builder("Production", config, logs).AddBastion().Build();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<PaymentOptions>>();
        Assert.Equal((Canary.ApiKey, 4), (monitor.CurrentValue.ApiKey, monitor.CurrentValue.Retries));

        // The Secret is updated: the key rotated. Only the folder behind "..data" changes; the key links stay as they were.
        WriteVersion(directory, "..2026_12_07_02", ("Payments__ApiKey", Canary.RotatedKey), ("Payments__Retries", "4"));
        Swap(directory, "..2026_12_07_02", "..2026_12_07_01");
#pragma warning disable BAS1601 // The canary literal is the test's own fake key.
        await TestSupport.WaitForAsync(() => monitor.CurrentValue.ApiKey == Canary.RotatedKey, "the swapped Secret was not read");
#pragma warning restore BAS1601
        Assert.Equal(4, monitor.CurrentValue.Retries);

        // Retries is removed from the Secret: the swap leaves its link dangling until kubelet deletes it.
        WriteVersion(directory, "..2026_12_07_03", ("Payments__ApiKey", Canary.RotatedKey));
        Swap(directory, "..2026_12_07_03", "..2026_12_07_02");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        File.Delete(Path.Combine(directory, "Payments__Retries"));
        await TestSupport.WaitForAsync(() => monitor.CurrentValue.Retries != 4, "the removed key did not go away");
        Assert.Equal(new PaymentOptions().Retries, monitor.CurrentValue.Retries);
#pragma warning disable BAS1601
        Assert.Equal(Canary.RotatedKey, monitor.CurrentValue.ApiKey);
#pragma warning restore BAS1601
        await app.StopAsync(TestContext.Current.CancellationToken);

        // A fresh "..data_tmp" link renamed over "..data" (rename(2) with mv -T, as kubelet does: File.Move refuses a link
        // whose target is a folder), then the old folder removed.
        static void Swap(string directory, string version, string old)
        {
            File.CreateSymbolicLink(Path.Combine(directory, "..data_tmp"), version);
            Tool.Run("mv", "-T", Path.Combine(directory, "..data_tmp"), Path.Combine(directory, "..data"));
            Directory.Delete(Path.Combine(directory, old), recursive: true);
        }

        static void WriteVersion(string directory, string version, params (string Name, string Value)[] files)
        {
            string folder = Directory.CreateDirectory(Path.Combine(directory, version)).FullName;
            foreach ((string name, string value) in files)
            {
                File.WriteAllText(Path.Combine(folder, name), value + "\n");
            }
        }
    }

    [Fact]
    public void A_secrets_directory_entry_that_cannot_be_read_at_start_up_stops_it_naming_the_setting_and_the_file()
    {
        using var temporary = new TemporaryDirectory("bastion-secrets-fault-");
        string directory = temporary.Path;
        File.WriteAllText(Path.Combine(directory, "Payments__ApiKey"), Canary.ApiKey);
        File.CreateSymbolicLink(Path.Combine(directory, "Payments__Retries"), Path.Combine(directory, "missing"));
        Dictionary<string, string?> config = TestSupport.ValidConfiguration();
        config["Bastion:Secrets:Directory"] = directory;
        var error = Assert.Throws<InvalidOperationException>(() => TestSupport.Builder("Production", config).AddBastion());
        Canary.Record(error.Message);
        Assert.Contains("'Bastion:Secrets:Directory'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Payments__Retries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_options_change_listener_that_throws_is_logged_and_the_other_listeners_still_hear_the_change()
    {
        var logs = new CapturedLogs();
        await using WebApplication app = await TestSupport.StartWithChangeableConfigurationAsync(logs);
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<PaymentOptions>>();
        MemoryConfigurationProvider provider = TestSupport.Changes(app);
        var heard = new List<int>();
        using IDisposable? failing = monitor.OnChange((_, _) => throw new InvalidOperationException("the app's listener failed"));
        using IDisposable? listening = monitor.OnChange((value, _) => heard.Add(value.Retries));

        provider.Set("Payments:Retries", "6");
        ((IConfigurationRoot)app.Configuration).Reload(); // on a watcher's thread an escaping exception would end the process

        Assert.Equal(6, monitor.CurrentValue.Retries);
        Assert.Equal([6], heard);
        string error = Assert.Single(logs.Lines, l => l.Contains("change listener", StringComparison.Ordinal));
        Assert.Contains("Payments", error, StringComparison.Ordinal);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_JWT_key_file_that_exists_but_cannot_be_read_on_reload_keeps_the_ring()
    {
        // /proc/self/mem exists, opens, and fails the first read (EIO): a file that goes bad between being found and
        // being read, without a race to win.
        Assert.SkipUnless(File.Exists("/proc/self/mem"), "needs Linux /proc to have a file that exists but cannot be read");
        using var k1 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        IConfigurationRoot root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bastion:Jwt:Issuer"] = "https://auth.example.com",
            ["Bastion:Jwt:Audience"] = "bastion-tests",
            ["Bastion:Jwt:CurrentKid"] = "k1",
            ["Bastion:Jwt:Keys:k1:Algorithm"] = "ES256",
            ["Bastion:Jwt:Keys:k1:PrivateKey"] = k1.ExportPkcs8PrivateKeyPem(),
        }).Build();
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var tokens = new JwtTokens(root.GetSection("Bastion:Jwt"), development: false, AppContext.BaseDirectory, factory.CreateLogger<JwtTokens>());

        root["Bastion:Jwt:Keys:k2:Algorithm"] = "ES256";
        root["Bastion:Jwt:Keys:k2:PrivateKey"] = "file:/proc/self/mem";
        root.Reload(); // on a watcher's thread an escaping exception would end the process

        Assert.Equal(["k1"], tokens.Ring.KeyIds);
        string warning = Assert.Single(logs.Lines, l => l.Contains("Bastion:Jwt changed but is invalid", StringComparison.Ordinal));
        Assert.Contains("Bastion:Jwt:Keys:k2:PrivateKey", warning, StringComparison.Ordinal);
        Assert.Contains("could not be read", warning, StringComparison.Ordinal);
    }
}
