// family: secrets
// verdict: vulnerable
// sink-line: 17
// why: The settings class's ToString includes the password, and the object is logged with it at start-up.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Corpus.Secrets.V14;

public sealed class BrokerSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 5672;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";

    public override string ToString() => $"amqp://{User}:{Password}@{Host}:{Port}";
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
