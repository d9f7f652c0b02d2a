// family: secrets
// verdict: vulnerable
// sink-line: 20
// why: A LoggerMessage.Define delegate is invoked with the SMTP password from configuration, so the password is logged.
using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Corpus.Secrets.V11;

public sealed class MailSender(IConfiguration configuration, ILogger<MailSender> logger)
{
    private static readonly Action<ILogger, string, string, Exception?> Connecting =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1, "SmtpConnect"), "Connecting to SMTP as {User} / {Password}");

    public void Send(string to, string subject)
    {
        string user = configuration["Smtp:User"] ?? "";
        string password = configuration["Smtp:Password"] ?? "";
        Connecting(logger, user, password, null);
        // ... send the message with System.Net.Mail (omitted)
        _ = (to, subject);
    }
}
