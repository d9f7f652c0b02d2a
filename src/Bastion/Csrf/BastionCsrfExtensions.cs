using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Bastion.Csrf;

/// <summary>Token support for the <see cref="CsrfMode.Hybrid"/> and <see cref="CsrfMode.Token"/> CSRF modes.</summary>
public static class BastionCsrfExtensions
{
    /// <summary>
    /// Registers antiforgery tokens (<see cref="CsrfTokens"/>) with Bastion's cookie (<c>__Host-bastion-csrf</c>: Secure,
    /// HttpOnly, SameSite=Strict, Path=/; <c>bastion-csrf</c> without Secure when <c>Bastion:Csrf:AllowInsecureCookie</c>
    /// is true, the default in the Development environment), header (<c>X-CSRF-TOKEN</c>) and form field (<c>__bastion_csrf</c>,
    /// read only by form endpoints from the form they read), and makes <c>UseBastion()</c> map <c>GET /bastion/csrf-token</c>. The
    /// generated <c>AddBastion()</c> calls it when an endpoint is pinned to a token mode; call it yourself when only
    /// configuration (<c>Bastion:Csrf:Mode</c>) chooses one. Calling it twice is harmless.
    /// </summary>
    public static TBuilder AddBastionCsrfTokens<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (ServiceDescriptor service in builder.Services)
        {
            if (service.ServiceType == typeof(CsrfTokens))
            {
                return builder;
            }
        }

        bool insecure = BastionCsrfOptions.FromConfiguration(builder.Configuration.GetSection("Bastion:Csrf"), builder.Environment.IsDevelopment()).AllowInsecureCookie;
        builder.Services.AddAntiforgery(options =>
        {
            options.HeaderName = CsrfCheck.TokenHeaderName;
            options.FormFieldName = CsrfCheck.TokenFieldName;
            options.Cookie.Name = insecure ? "bastion-csrf" : "__Host-bastion-csrf";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = insecure ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        builder.Services.TryAddSingleton<CsrfTokens, AntiforgeryCsrfTokens>();
        return builder;
    }

    internal static void CopyTo(BastionCsrfOptions from, BastionCsrfOptions to)
    {
        to.Mode = from.Mode;
        to.AllowSameSite = from.AllowSameSite;
        to.AllowMissingOriginHeaders = from.AllowMissingOriginHeaders;
        to.AllowInsecureCookie = from.AllowInsecureCookie;
        foreach (string origin in from.TrustedOrigins)
        {
            to.TrustedOrigins.Add(origin);
        }
    }
}
