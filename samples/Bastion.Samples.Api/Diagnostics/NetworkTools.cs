using System.Threading;
using System.Threading.Tasks;
using Bastion.Commands;

namespace Bastion.Samples.Api.Diagnostics;

/// <summary>
/// The sample's one operating-system command. Bastion writes the body: the host is checked before any
/// process starts, ping runs without a shell and with an empty environment, and a hung ping is killed.
/// </summary>
public static partial class NetworkTools
{
    /// <summary>One echo request to a host name or IPv4 address.</summary>
    [SafeCommand("/usr/bin/ping", "-c", "1", "-W", "2", "--", "{host}", TimeoutSeconds = 5, MaxOutputBytes = 65536)]
    public static partial Task<CommandResult> Ping([CommandArg(Pattern = "^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$", MaxLength = 253)] string host, CancellationToken ct = default);
}
