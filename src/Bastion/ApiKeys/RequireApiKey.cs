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
            await using DbConnection db = database.Open(context.RequestServices);
            ApiKeyIdentity? identity = await context.RequestServices.GetRequiredService<ApiKeyService>()
                .VerifyAsync(db, values[0], context.RequestAborted).ConfigureAwait(false);
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

            builder.Services.AddSingleton(new ApiKeyService(time ?? TimeProvider.System, grace));
            builder.Services.AddSingleton(new ApiKeyDatabase(open));
            return builder;
        }
    }
}
