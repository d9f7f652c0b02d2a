// family: secrets
// verdict: vulnerable
// sink-line: 28
// why: A describe helper puts the [Secret] token into a summary string, and that summary is logged at warning level.
using Bastion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.V30;

[BastionOptions("Storage")]
public sealed partial class StorageOptions
{
    public string Account { get; set; } = "";
    public string Container { get; set; } = "";

    [Secret]
    public string SasToken { get; set; } = "";
}

public sealed class StorageHealth(IOptions<StorageOptions> options, ILogger<StorageHealth> logger)
{
    private static string Describe(StorageOptions o) => $"{o.Account}/{o.Container}?{o.SasToken}";

    public void ReportFailure(int status)
    {
        string target = Describe(options.Value);
        logger.LogWarning("Blob storage {Target} answered {Status}", target, status);
    }
}
