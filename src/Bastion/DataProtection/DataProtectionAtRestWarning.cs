using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bastion.DataProtection;

/// <summary>
/// In Production, warns once at start-up when Data Protection keys are written without an XML encryptor: whoever can
/// read the store (a Redis dump, a database backup, a shared folder) can then forge cookies and tokens.
/// </summary>
internal sealed class DataProtectionAtRestWarning(IOptions<KeyManagementOptions> options, IHostEnvironment environment, ILogger<DataProtectionAtRestWarning> logger) : IHostedService
{
    private static readonly Action<ILogger, Exception?> Unencrypted = LoggerMessage.Define(
        LogLevel.Warning, new EventId(40, "DataProtectionKeysUnencrypted"),
        "Bastion: Data Protection keys are stored unencrypted at rest; set Bastion:DataProtection:Certificate:Path and Bastion:DataProtection:Certificate:Password (a PFX every instance can read) to encrypt them (docs/scale-out.md)");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && options.Value.XmlEncryptor is null)
        {
            Unencrypted(logger, null);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
