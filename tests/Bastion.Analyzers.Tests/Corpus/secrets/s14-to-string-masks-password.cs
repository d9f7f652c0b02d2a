// family: secrets
// verdict: safe
// why: The settings' ToString replaces the password with asterisks, so logging the object shows where it connects but not the password.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Corpus.Secrets.S14;

public sealed class BrokerSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 5672;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";

    public override string ToString() => $"amqp://{User}:***@{Host}:{Port}";
}

public sealed class BrokerConnection
{
    public BrokerConnection(IConfiguration configuration, ILogger<BrokerConnection> logger)
    {
        var settings = new BrokerSettings();
        configuration.GetSection("Broker").Bind(settings);
        logger.LogInformation("Connecting to broker {Broker}", settings);
        Settings = settings;
    }

    public BrokerSettings Settings { get; }
}
