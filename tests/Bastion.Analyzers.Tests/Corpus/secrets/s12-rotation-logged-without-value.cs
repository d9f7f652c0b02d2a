// family: secrets
// verdict: safe
// why: When the options change only the fact of the rotation and the non-secret client id are logged.
using System;
using Bastion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.S12;

[BastionOptions("Crm")]
public sealed partial class CrmOptions
{
    public string ClientId { get; set; } = "";

    [Secret(MinLength = 20)]
    public string ClientSecret { get; set; } = "";
}

public sealed class CrmCredentials : IDisposable
{
    private readonly IDisposable? _subscription;

    public CrmCredentials(IOptionsMonitor<CrmOptions> monitor, ILogger<CrmCredentials> logger)
    {
        _subscription = monitor.OnChange(changed =>
            logger.LogInformation("CRM client secret rotated for client {ClientId}", changed.ClientId));
    }

    public void Dispose() => _subscription?.Dispose();
}
