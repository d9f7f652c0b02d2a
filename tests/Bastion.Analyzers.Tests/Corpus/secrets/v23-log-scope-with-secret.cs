// family: secrets
// verdict: vulnerable
// sink-line: 27
// why: The [Secret] client secret is put into a logging scope, and scope values are written with every log entry inside it.
using System.Collections.Generic;
using System.Threading.Tasks;
using Bastion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.V23;

[BastionOptions("Crm")]
public sealed partial class CrmOptions
{
    public string ClientId { get; set; } = "";

    [Secret(MinLength = 20)]
    public string ClientSecret { get; set; } = "";
}

public sealed class CrmSync(IOptions<CrmOptions> options, ILogger<CrmSync> logger)
{
    public Task RunAsync()
    {
        CrmOptions crm = options.Value;
        using (logger.BeginScope(new Dictionary<string, object> { ["ClientId"] = crm.ClientId, ["ClientSecret"] = crm.ClientSecret }))
        {
            logger.LogInformation("CRM sync started");
            return Task.CompletedTask;
        }
    }
}
