using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bastion.Secrets.Tests;

/// <summary>Options in a real host: start-up checks, the three options interfaces, reloads, a secrets directory and .env.</summary>
public sealed class OptionsHostTests
{
    private static async Task<string> StartupFailure(WebApplicationBuilder builder)
    {
        await using WebApplication app = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
        Canary.Record(error.ToString());
        return error.Message;
    }

    [Fact]
    public async Task A_missing_or_short_secret_stops_start_up_naming_the_key_not_the_value()
    {
        Dictionary<string, string?> config = TestSupport.ValidConfiguration();
        config.Remove("Payments:ApiKey");
        config["Payments:Webhook:SigningKey"] = Canary.ShortKey;
        string message = await StartupFailure(TestSupport.Builder("Production", config).AddBastion());
        Assert.Contains("Payments:ApiKey is a required secret", message, StringComparison.Ordinal);
        Assert.Contains("Payments:Webhook:SigningKey is a secret shorter", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary.ShortKey, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_placeholder_stops_production_but_not_development()
    {
        Dictionary<string, string?> config = TestSupport.ValidConfiguration();
        config["Payments:ApiKey"] = "your-payment-api-key-here";
        Assert.Contains("Payments:ApiKey looks like a placeholder", await StartupFailure(TestSupport.Builder("Production", config).AddBastion()), StringComparison.Ordinal);

        await using WebApplication app = TestSupport.Builder("Development", config).AddBastion().Build();
        await app.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal("your-payment-api-key-here", app.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.ApiKey);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task IOptions_IOptionsSnapshot_and_IOptionsMonitor_see_the_bound_value()
    {
        await using WebApplication app = TestSupport.Builder("Production", TestSupport.ValidConfiguration()).AddBastion().Build();
        await app.StartAsync(TestContext.Current.CancellationToken);
        PaymentOptions current = app.Services.GetRequiredService<IOptionsMonitor<PaymentOptions>>().CurrentValue;
        Assert.Same(current, app.Services.GetRequiredService<IOptions<PaymentOptions>>().Value);
        using (IServiceScope scope = app.Services.CreateScope())
        {
            Assert.Same(current, scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<PaymentOptions>>().Value);
        }

        Assert.Equal(Canary.ApiKey, current.ApiKey);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_reload_is_checked_again_and_an_invalid_one_keeps_the_last_valid_values()
    {
        var logs = new CapturedLogs();
        await using WebApplication app = await TestSupport.StartWithChangeableConfigurationAsync(logs);
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<PaymentOptions>>();
        MemoryConfigurationProvider provider = TestSupport.Changes(app);
        var seen = new List<int>();
        using IDisposable? subscription = monitor.OnChange((value, _) => seen.Add(value.Retries));

        provider.Set("Payments:Retries", "5");
        provider.Set("Payments:ApiKey", Canary.RotatedKey);
        ((IConfigurationRoot)app.Configuration).Reload();
        Assert.Equal(5, monitor.CurrentValue.Retries);
        Assert.Equal(Canary.RotatedKey, monitor.CurrentValue.ApiKey);
        Assert.Equal([5], seen);

        provider.Set("Payments:Retries", "500");
        provider.Set("Payments:ApiKey", Canary.ShortKey);
        ((IConfigurationRoot)app.Configuration).Reload();
        Assert.Equal(5, monitor.CurrentValue.Retries);
        Assert.Equal(Canary.RotatedKey, monitor.CurrentValue.ApiKey);
        Assert.Equal([5], seen);
        string warning = Assert.Single(logs.Lines, l => l.Contains("changed but is invalid", StringComparison.Ordinal));
        Assert.Contains("Payments:Retries", warning, StringComparison.Ordinal);
        Assert.Contains("Payments:ApiKey is a secret shorter", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("500", warning, StringComparison.Ordinal);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Secrets_are_read_from_a_key_per_file_directory_and_a_changed_file_is_picked_up()
    {
        using var temporary = new TemporaryDirectory("bastion-secrets-");
        string directory = temporary.Path;
        File.WriteAllText(Path.Combine(directory, "Payments__ApiKey"), Canary.ApiKey);
        Dictionary<string, string?> config = TestSupport.ConfigurationWithSecretsIn(directory);
        await using WebApplication app = TestSupport.Builder("Production", config).AddBastion().Build();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<PaymentOptions>>();
        Assert.Equal(Canary.ApiKey, monitor.CurrentValue.ApiKey);

        File.WriteAllText(Path.Combine(directory, "Payments__ApiKey"), Canary.RotatedKey);
#pragma warning disable BAS1601 // The canary literal is the test's own fake key.
        await TestSupport.WaitForAsync(() => monitor.CurrentValue.ApiKey == Canary.RotatedKey, "the changed file was not picked up");
#pragma warning restore BAS1601
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_missing_secrets_directory_stops_the_app()
    {
        Dictionary<string, string?> config = TestSupport.ValidConfiguration();
        config["Bastion:Secrets:Directory"] = "/nonexistent/bastion-secrets";
        var error = Assert.Throws<InvalidOperationException>(() => TestSupport.Builder("Production", config).AddBastion());
        Assert.Contains("'Bastion:Secrets:Directory'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public async Task A_dot_env_file_is_read_in_development_only(string environment, bool read)
    {
        using var temporary = new TemporaryDirectory("bastion-dotenv-");
        string root = temporary.Path;
        File.WriteAllLines(Path.Combine(root, ".env"), ["# local secrets", "export Payments__ApiKey=\"" + Canary.ApiKey + "\"", "Payments__Retries=4 # inline comment", ""]);
        Dictionary<string, string?> config = TestSupport.ValidConfiguration();
        config.Remove("Payments:ApiKey");
        var logs = new CapturedLogs();
        WebApplicationBuilder builder = TestSupport.Builder(environment, config, logs, root).AddBastion();
        if (!read)
        {
            Assert.Contains("Payments:ApiKey is a required secret", await StartupFailure(builder), StringComparison.Ordinal);
            return;
        }

        await using WebApplication app = builder.Build();
        app.UseBastion();
        await app.StartAsync(TestContext.Current.CancellationToken);
        PaymentOptions options = app.Services.GetRequiredService<IOptions<PaymentOptions>>().Value;
        Assert.Equal(Canary.ApiKey, options.ApiKey);
        Assert.Equal(4, options.Retries);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_dot_env_that_git_would_commit_is_a_warning()
    {
        using var temporary = new TemporaryDirectory("bastion-repo-");
        string repository = temporary.Path;
        Directory.CreateDirectory(Path.Combine(repository, ".git"));
        string app = Directory.CreateDirectory(Path.Combine(repository, "src", "app")).FullName;
        File.WriteAllText(Path.Combine(app, ".env"), "Payments__ApiKey=" + Canary.ApiKey);
        Assert.True(await WarnsAsync(app));
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\n.env\n");
        Assert.False(await WarnsAsync(app));

        static async Task<bool> WarnsAsync(string root)
        {
            var logs = new CapturedLogs();
            await using WebApplication app = TestSupport.Builder("Development", TestSupport.ValidConfiguration(), logs, root).AddBastion().Build();
            app.UseBastion();
            return logs.Contains("no .gitignore up to the repository root ignores it");
        }
    }

    [Fact]
    public void A_malformed_dot_env_line_is_refused_without_echoing_it()
    {
        using var temporary = new TemporaryDirectory("bastion-dotenv-");
        string root = temporary.Path;
        File.WriteAllLines(Path.Combine(root, ".env"), ["GOOD=1", Canary.ApiKey]);
        var error = Assert.Throws<FormatException>(() => TestSupport.Builder("Development", TestSupport.ValidConfiguration(), null, root).AddBastion());
        Canary.Record(error.Message);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>User secrets: read by the host in Development only (the project has a UserSecretsId).</summary>
public sealed class UserSecretsTests
{
    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public async Task User_secrets_supply_a_secret_in_development_only(string environment, bool read)
    {
        string id = typeof(UserSecretsTests).Assembly.GetCustomAttributes(typeof(Microsoft.Extensions.Configuration.UserSecrets.UserSecretsIdAttribute), false)
            .Cast<Microsoft.Extensions.Configuration.UserSecrets.UserSecretsIdAttribute>().Single().UserSecretsId;
        string file = Microsoft.Extensions.Configuration.UserSecrets.PathHelper.GetSecretsPathFromSecretsId(id);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "{ \"Payments:ApiKey\": \"" + Canary.RotatedKey + "\" }", TestContext.Current.CancellationToken);
        try
        {
            Dictionary<string, string?> config = TestSupport.ValidConfiguration();
            config.Remove("Payments:ApiKey");
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                EnvironmentName = environment,
                ApplicationName = typeof(UserSecretsTests).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new Canary());
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.AddBastion();
            await using WebApplication app = builder.Build();
            if (read)
            {
                await app.StartAsync(TestContext.Current.CancellationToken);
                Assert.Equal(Canary.RotatedKey, app.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.ApiKey);
                await app.StopAsync(TestContext.Current.CancellationToken);
            }
            else
            {
                var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
                Canary.Record(error.ToString());
                Assert.Contains("Payments:ApiKey is a required secret", error.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
