using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace Bastion.IntegrationTests.Browser;

/// <summary>
/// The headless-Chromium test classes share this collection so they run one after the other: two browsers and two
/// Playwright drivers never compete on a 2-core CI machine.
/// </summary>
[CollectionDefinition(nameof(ChromiumTests))]
public sealed class ChromiumTests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (no browser download): each browser test class launches one in its
/// set-up and disposes it at the end. Tests skip with <see cref="MissingReason"/> when the package is absent.
/// </summary>
public sealed class HeadlessChromium : System.IAsyncDisposable
{
    /// <summary>Where Debian's package installs the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Why a browser test is skipped on a machine without the package.</summary>
    public const string MissingReason = "Chromium is not installed at /usr/bin/chromium (Debian package 'chromium'; .ci/run installs it)";

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>True when the browser is installed.</summary>
    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>Starts Playwright and the browser.</summary>
    public static async Task<HeadlessChromium> LaunchAsync()
    {
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>Closes the browser, then Playwright.</summary>
    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
