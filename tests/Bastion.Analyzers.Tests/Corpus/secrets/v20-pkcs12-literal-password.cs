// family: secrets
// verdict: vulnerable
// sink-line: 18
// why: The password of the client certificate's private key file is hard-coded next to the path that loads it.
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Secrets.V20;

public static class BankClientSetup
{
    public static void AddBankClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient("bank").ConfigurePrimaryHttpMessageHandler(() =>
        {
            X509Certificate2 certificate = X509CertificateLoader.LoadPkcs12FromFile("/etc/app/bank-client.pfx", "B4nkCl1ent-pfx-2024");
            var handler = new HttpClientHandler();
            handler.ClientCertificates.Add(certificate);
            return handler;
        });
    }
}
