using System;
using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bastion
{
    /// <summary>
    /// The endpoint (or every endpoint of the class) requires a valid API key in the <c>X-Api-Key</c> header — never
    /// the query string. The generated check runs first and answers 401 with problem details otherwise; the handler
    /// sees the key's owner as <c>ClaimsPrincipal</c> (claims <c>sub</c> and <c>api_key_id</c>). Keys travel in a
    /// header a cross-site page cannot set, so such endpoints need no CSRF token.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
    public sealed class RequireApiKeyAttribute : Attribute;
}

namespace Bastion.ApiKeys
{
    /// <summary>The check generated <c>[RequireApiKey]</c> endpoints run.</summary>
    public static class ApiKeyGuard
    {
        /// <summary>The only place a key is read from.</summary>
        public const string HeaderName = "X-Api-Key";

        private static readonly Action<Microsoft.Extensions.Logging.ILogger, string, Exception?> KeyInUrl = Microsoft.Extensions.Logging.LoggerMessage.Define<string>(
            Microsoft.Extensions.Logging.LogLevel.Warning, new Microsoft.Extensions.Logging.EventId(30, "ApiKeyInQueryString"),
            "Bastion: an API key (id {KeyId}) was sent in the query string, where request and proxy logs keep it; it is ignored there, and the key should be revoked and replaced");

        private static readonly Action<Microsoft.Extensions.Logging.ILogger, string, Exception?> StoreUnreachable = Microsoft.Extensions.Logging.LoggerMessage.Define<string>(
            Microsoft.Extensions.Logging.LogLevel.Error, new Microsoft.Extensions.Logging.EventId(31, "ApiKeyStoreUnreachable"),
            "Bastion: the API-key store could not be read ({Error}); the request is refused with 503");

        /// <summary>Null when the request carries a valid key (and sets the user); otherwise the 401 to send.</summary>
        public static async Task<IResult?> CheckAsync(HttpContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            WarnAboutKeysInUrl(context);
            var values = context.Request.Headers[HeaderName];
            if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
            {
                return Refuse(values.Count > 1 ? "Send one X-Api-Key header." : "An API key is required in the X-Api-Key header.");
            }

            ApiKeyDatabase database = context.RequestServices.GetRequiredService<ApiKeyDatabase>();
            ApiKeyIdentity? identity;
            try
            {
                await using DbConnection db = database.Open(context.RequestServices);
                identity = await context.RequestServices.GetRequiredService<ApiKeyService>()
                    .VerifyAsync(db, values[0], context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception error) when (error is DbException or TimeoutException && !context.RequestAborted.IsCancellationRequested)
            {
                // Fail closed: a key that cannot be checked is refused, and the caller is told to retry rather than
                // that the key is bad. The exception (which can name hosts) stays in the log.
                var logger = context.RequestServices.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("Bastion.ApiKeys");
                StoreUnreachable(logger, error.GetType().Name, null);
                return Endpoints.BastionProblems.ServiceUnavailable(context, "API keys cannot be checked right now; retry shortly.");
            }

            if (identity is null)
            {
                return Refuse("The API key is not valid.");
            }

            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", identity.Owner), new Claim("api_key_id", identity.Id)], "ApiKey"));
            return null;
        }

        /// <summary>Keys in a URL are never read, but their owners should know the key leaked: the id (never the key) is logged.</summary>
        private static void WarnAboutKeysInUrl(HttpContext context)
        {
            string? raw = context.Request.QueryString.Value;
            if (raw is null || !(raw.Contains("bk_", StringComparison.Ordinal) || raw.Contains("bk%5", StringComparison.OrdinalIgnoreCase)))
            {
                return; // the usual case: nothing to unescape on every request
            }

            string query = Uri.UnescapeDataString(raw);
            int at = query.IndexOf("bk_", StringComparison.Ordinal);
            if (at >= 0 && query.Length >= at + 16 && query[at + 15] == '_')
            {
                var logger = context.RequestServices.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("Bastion.ApiKeys");
                KeyInUrl(logger, query.Substring(at + 3, 12), null);
            }
        }

        private static IResult Refuse(string detail)
            => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
    }

    /// <summary>Where API keys are stored: a factory of new connections, each disposed by its user.</summary>
    public sealed class ApiKeyDatabase(Func<IServiceProvider, DbConnection> open)
    {
        /// <summary>A new connection to the key store.</summary>
        public DbConnection Open(IServiceProvider services) => open(services);
    }

    /// <summary>Registration of API keys.</summary>
    public static class ApiKeyExtensions
    {
        /// <summary>
        /// Adds <see cref="ApiKeyService"/> (grace period from <c>Bastion:ApiKeys:GracePeriod</c>, default 7 days) with
        /// keys stored in the database <paramref name="open"/> connects to (a new connection each call).
        /// </summary>
        public static IHostApplicationBuilder AddBastionApiKeys(this IHostApplicationBuilder builder, Func<IServiceProvider, DbConnection> open, TimeProvider? time = null)
        {
            ArgumentNullException.ThrowIfNull(builder);
            ArgumentNullException.ThrowIfNull(open);
            TimeSpan grace = TimeSpan.FromDays(7);
            string? configured = builder.Configuration["Bastion:ApiKeys:GracePeriod"];
            if (configured is not null && (!TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out grace) || grace < TimeSpan.Zero))
            {
                throw new InvalidOperationException("Bastion: configuration key 'Bastion:ApiKeys:GracePeriod' must be a non-negative time span (for example 7.00:00:00).");
            }

            TimeSpan cacheFor = TimeSpan.FromSeconds(30);
            string? cache = builder.Configuration["Bastion:ApiKeys:CacheLifetime"];
            if (cache is not null && (!TimeSpan.TryParse(cache, CultureInfo.InvariantCulture, out cacheFor) || cacheFor <= TimeSpan.Zero || cacheFor > TimeSpan.FromHours(1)))
            {
                throw new InvalidOperationException("Bastion: configuration key 'Bastion:ApiKeys:CacheLifetime' must be a time span above zero and at most one hour (for example 00:00:30).");
            }

            // With a change feed (Bastion.PostgreSql or Bastion.Redis), rows are cached per instance and dropped when
            // any instance retires or revokes a key; without one, every check reads the database.
            builder.Services.AddSingleton(provider =>
            {
                TimeProvider clock = time ?? TimeProvider.System;
                ApiKeyChangeFeed? feed = provider.GetService<ApiKeyChangeFeed>();
                return new ApiKeyService(clock, grace)
                {
                    Changes = feed,
                    Cache = feed is null ? null : new ApiKeyCache(feed, cacheFor, clock),
                    Logger = provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("Bastion.ApiKeys"),
                };
            });
            builder.Services.AddSingleton(new ApiKeyDatabase(open));
            return builder;
        }
    }
}
