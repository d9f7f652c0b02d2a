using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Bastion.Shared;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bastion.Cors;

/// <summary>
/// The app's CORS policies, served to ASP.NET Core's CORS middleware (<c>app.UseBastion()</c> adds it). Policies
/// come from <c>[assembly: CorsPolicy]</c> (checked by the compiler, registered when <c>MapBastionEndpoints()</c>
/// runs) and from <c>Bastion:Cors:Policies:{name}</c> (checked when the app starts; a configured policy replaces a
/// compiled one of the same name). Every policy lists its origins, methods and headers: requested methods and
/// headers are never echoed back.
/// </summary>
public sealed class BastionCorsPolicies : ICorsPolicyProvider
{
    /// <summary>The policy applied to endpoints that name none.</summary>
    public const string DefaultPolicyName = "default";

    private static readonly string[] SafelistedMethods = ["GET", "HEAD", "POST"];
    private readonly Dictionary<string, CorsPolicy> _configured;
    private readonly Dictionary<string, CorsPolicy> _compiled = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    private BastionCorsPolicies(Dictionary<string, CorsPolicy> configured) => _configured = configured;

    /// <summary>Start-up warnings about configured policies (plain-http origins); <c>app.UseBastion()</c> logs them.</summary>
    internal List<string> Warnings { get; } = [];

    /// <summary>Policies added the ASP.NET Core way (<c>services.AddCors(o => o.AddPolicy(...))</c>), still honoured.</summary>
    internal CorsOptions? AspNetCorePolicies { get; set; }

    /// <inheritdoc/>
    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
        => Task.FromResult(Find(policyName ?? DefaultPolicyName)
            ?? (policyName is null && AspNetCorePolicies is { } options ? options.GetPolicy(options.DefaultPolicyName) : null));

    /// <summary>
    /// The policy called <paramref name="name"/>: configured under <c>Bastion:Cors</c>, else declared with
    /// <c>[assembly: CorsPolicy]</c>, else added with <c>services.AddCors</c>; null when none.
    /// </summary>
    public CorsPolicy? Find(string name)
    {
        if (_configured.TryGetValue(name, out CorsPolicy? configured))
        {
            return configured;
        }

        lock (_gate)
        {
            if (_compiled.TryGetValue(name, out CorsPolicy? compiled))
            {
                return compiled;
            }
        }

        return AspNetCorePolicies?.GetPolicy(name);
    }

    /// <summary>
    /// Registers a policy declared with <c>[assembly: CorsPolicy]</c>. Called by the generated
    /// <c>MapBastionEndpoints()</c> with values the compiler has already checked; they are checked again here so a
    /// hand-written call gets the same protection.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void AddCompiledPolicy(
        IEndpointRouteBuilder endpoints, string name, string[] origins, string[] methods, string[] headers, string[] exposedHeaders, bool allowCredentials, int maxAgeSeconds)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        BastionCorsPolicies policies = endpoints.ServiceProvider.GetService<BastionCorsPolicies>()
            ?? throw new InvalidOperationException("Bastion: CORS policies are declared with [assembly: CorsPolicy] but builder.AddBastion() was not called.");
        string source = "[assembly: CorsPolicy(Name = \"" + name + "\")]";
        CorsPolicy policy = Build(source, origins, methods, headers, exposedHeaders, allowCredentials, maxAgeSeconds, (list, index) => source + " " + list + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        lock (policies._gate)
        {
            policies._compiled[name] = policy;
        }
    }

    /// <summary>Checks that every policy named by <c>[Cors("...")]</c> exists; called by the generated <c>MapBastionEndpoints()</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void RequirePolicy(IEndpointRouteBuilder endpoints, string name, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Resolving the provider links the policies added with services.AddCors, which count too.
        BastionCorsPolicies? policies = endpoints.ServiceProvider.GetService<ICorsPolicyProvider>() as BastionCorsPolicies;
        if (policies?.Find(name) is null)
        {
            throw new InvalidOperationException($"Bastion: {endpoint} uses the CORS policy '{name}', which is neither declared with [assembly: CorsPolicy(Name = \"{name}\")] nor configured under 'Bastion:Cors:Policies:{name}'.");
        }
    }

    /// <summary>Reads and checks <c>Bastion:Cors:Policies</c>; a bad value stops the app with its configuration key.</summary>
    internal static BastionCorsPolicies FromConfiguration(IConfigurationSection section)
    {
        var configured = new Dictionary<string, CorsPolicy>(StringComparer.Ordinal);
        foreach (IConfigurationSection policy in section.GetSection("Policies").GetChildren())
        {
            IConfigurationSection originsSection = policy.GetSection("Origins");
            string[] origins = Values(originsSection);
            string? credentials = policy["AllowCredentials"];
            if (credentials is not null && !bool.TryParse(credentials, out _))
            {
                throw new InvalidOperationException($"Bastion: configuration key '{policy.Path}:AllowCredentials' must be true or false.");
            }

            int maxAge = 600;
            string? maxAgeText = policy["MaxAgeSeconds"];
            if (maxAgeText is not null && (!int.TryParse(maxAgeText, NumberStyles.None, CultureInfo.InvariantCulture, out maxAge) || maxAge > 86400))
            {
                throw new InvalidOperationException($"Bastion: configuration key '{policy.Path}:MaxAgeSeconds' must be a whole number of seconds from 0 to 86400.");
            }

            string path = policy.Path;
            configured[policy.Key] = Build(
                "configuration key '" + path + "'",
                origins,
                Values(policy.GetSection("Methods")),
                Values(policy.GetSection("Headers")),
                Values(policy.GetSection("ExposedHeaders")),
                string.Equals(credentials, "true", StringComparison.OrdinalIgnoreCase),
                maxAge,
                (list, index) => "configuration key '" + path + ":" + list + ":" + index.ToString(CultureInfo.InvariantCulture) + "'");
        }

        var result = new BastionCorsPolicies(configured);
        foreach (KeyValuePair<string, CorsPolicy> pair in configured)
        {
            foreach (string origin in pair.Value.Origins)
            {
                if (OriginRules.IsInsecure(origin))
                {
                    result.Warnings.Add($"CORS policy '{pair.Key}' allows the plain-http origin '{origin}', whose pages an on-path attacker can change; use https.");
                }
            }
        }

        return result;
    }

    private static string[] Values(IConfigurationSection section)
    {
        var values = new List<string>();
        foreach (IConfigurationSection child in section.GetChildren())
        {
            values.Add(child.Value ?? string.Empty);
        }

        return values.ToArray();
    }

    private static CorsPolicy Build(
        string source, string[] origins, string[] methods, string[] headers, string[] exposedHeaders, bool allowCredentials, int maxAgeSeconds, Func<string, int, string> where)
    {
        var policy = new CorsPolicy { SupportsCredentials = allowCredentials };
        if (origins.Length == 0)
        {
            throw new InvalidOperationException($"Bastion: {source} lists no origins; a CORS policy needs at least one.");
        }

        for (int i = 0; i < origins.Length; i++)
        {
            string origin = origins[i];
            if (origin == "*")
            {
                if (allowCredentials || origins.Length > 1)
                {
                    throw new InvalidOperationException($"Bastion: {source} uses the origin '*' " + (allowCredentials
                        ? "with AllowCredentials; browsers refuse that combination and it would expose every user's data to every site. List the origins."
                        : "beside other origins; '*' must be the only entry."));
                }

                policy.Origins.Add("*");
                continue;
            }

            string? problem = OriginRules.Problem(origin);
            if (problem is not null)
            {
                throw new InvalidOperationException($"Bastion: {where("Origins", i)} is not a valid origin: {problem}. Write it as the browser sends it, for example 'https://app.example.com' or 'http://127.0.0.1:5080'.");
            }

            policy.Origins.Add(origin);
        }

        string[] allowedMethods = methods.Length == 0 ? SafelistedMethods : methods;
        for (int i = 0; i < allowedMethods.Length; i++)
        {
            string? problem = OriginRules.ListEntryProblem(allowedMethods[i], method: true);
            if (problem is not null)
            {
                throw new InvalidOperationException($"Bastion: {where("Methods", i)} ('{allowedMethods[i]}') cannot be allowed: {problem}.");
            }

            policy.Methods.Add(allowedMethods[i]);
        }

        AddTokens(policy.Headers, headers, "Headers", where);
        AddTokens(policy.ExposedHeaders, exposedHeaders, "ExposedHeaders", where);
        policy.PreflightMaxAge = maxAgeSeconds > 0 ? TimeSpan.FromSeconds(maxAgeSeconds) : null;
        return policy;
    }

    private static void AddTokens(IList<string> target, string[] values, string list, Func<string, int, string> where)
    {
        for (int i = 0; i < values.Length; i++)
        {
            string? problem = OriginRules.ListEntryProblem(values[i], method: false);
            if (problem is not null)
            {
                throw new InvalidOperationException($"Bastion: {where(list, i)} ('{values[i]}') cannot be listed: {problem}.");
            }

            target.Add(values[i]);
        }
    }
}

/// <summary>
/// ASP.NET Core's CORS service, except that <c>Vary: Origin</c> is not appended a second time when Bastion's header
/// writer already sent it (it does on every response, allowed or not, so a shared cache never serves one origin's
/// answer to another). Without <c>app.UseBastion()</c> the service behaves as ASP.NET Core's.
/// </summary>
internal sealed class BastionCorsService(Microsoft.Extensions.Options.IOptions<CorsOptions> options, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
    : CorsService(options, loggerFactory)
{
    public override void ApplyResult(CorsResult result, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(response);
        if (result.VaryByOrigin && response.Headers.Vary.Any(v => v is not null && v.Contains("Origin", StringComparison.OrdinalIgnoreCase)))
        {
            result.VaryByOrigin = false;
        }

        base.ApplyResult(result, response);
    }
}
