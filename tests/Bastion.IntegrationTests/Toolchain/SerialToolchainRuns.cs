using Xunit;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>Tests that run `dotnet pack`/`publish` on the repository run one at a time (they share obj/ folders).</summary>
[CollectionDefinition(nameof(SerialToolchainRuns), DisableParallelization = true)]
public sealed class SerialToolchainRuns;
