using Xunit;

namespace Bastion.IntegrationTests.Browser;

/// <summary>
/// The headless-Chromium test classes share this collection so they run one after the other: two browsers and two
/// Playwright drivers never compete on a 2-core CI machine.
/// </summary>
[CollectionDefinition(nameof(ChromiumTests))]
public sealed class ChromiumTests;
