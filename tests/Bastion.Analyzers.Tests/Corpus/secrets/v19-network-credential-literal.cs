// family: secrets
// verdict: vulnerable
// sink-line: 18
// why: The SMTP relay password is a literal passed to NetworkCredential.
using System.Net;
using System.Net.Mail;
using System.Threading.Tasks;

namespace Corpus.Secrets.V19;

public sealed class AlertMailer
{
    public async Task SendAsync(string to, string subject, string body)
    {
        using var smtp = new SmtpClient("smtp.example.com", 587)
        {
            EnableSsl = true,
            Credentials = new NetworkCredential("alerts@example.com", "Al3rts-Relay-P4ss!"),
        };
        using var message = new MailMessage("alerts@example.com", to, subject, body);
        await smtp.SendMailAsync(message);
    }
}
