using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace Bastion.Secrets.Tests;

public enum Mode { Sandbox, Live }

/// <summary>Options of every supported shape; the secret values in tests are canaries searched for in every output.</summary>
[BastionOptions("Payments")]
public sealed partial class PaymentOptions
{
    [Required, Url] public string ApiBase { get; set; } = "";
    [Secret(MinLength = 24)] public string ApiKey { get; set; } = "";
    public Mode Mode { get; set; } = Mode.Sandbox;
    [Range(1, 30)] public int Retries { get; set; } = 3;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public Uri? Callback { get; set; }
    public decimal FeeRate { get; set; }
    public double Ratio { get; set; }
    public bool Enabled { get; set; } = true;
    public string[] Currencies { get; set; } = ["EUR"];
    public List<int> Ports { get; set; } = [];
    public Dictionary<string, string> Labels { get; set; } = new();
    public WebhookOptions Webhook { get; set; } = new();
    public List<EndpointOptions> Endpoints { get; set; } = [];
    public Limits Limits { get; } = new();
}

public sealed partial record WebhookOptions
{
    [Secret(MinBytes = 32)] public string SigningKey { get; set; } = "";
    [MaxLength(20)] public string Path { get; set; } = "/hooks";
}

public sealed class EndpointOptions
{
    [Required] public string Name { get; set; } = "";
    public Uri? Url { get; set; }
}

public sealed class Limits
{
    [Range(typeof(decimal), "0", "1000000")] public decimal MaxAmount { get; set; } = 500;
}
