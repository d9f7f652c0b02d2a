using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// The data the engine runs on, as tables keyed by "Namespace.Type.Member": where values come from (sources), what a
/// call makes them safe for (sanitizers), what undoes checks (decoders), which calls produce server-side values only.
/// A new source or sanitizer is a row here; sinks live in the family files.
/// </summary>
internal static class FlowTables
{
    /// <summary>Members whose value the client sends. "Type.*" means every member of the type.</summary>
    public static readonly Dictionary<string, Origin> Sources = new(StringComparer.Ordinal)
    {
        ["Microsoft.AspNetCore.Http.HttpRequest.*"] = Origin.Request,
        ["Microsoft.AspNetCore.Http.IFormFile.FileName"] = Origin.Request,
        ["Microsoft.AspNetCore.Http.IFormFile.ContentDisposition"] = Origin.Request,
        ["Microsoft.AspNetCore.Http.FormFile.FileName"] = Origin.Request,
        ["System.IO.Compression.ZipArchiveEntry.FullName"] = Origin.Request,
        ["System.IO.Compression.ZipArchiveEntry.Name"] = Origin.Request,
        ["System.Formats.Tar.TarEntry.Name"] = Origin.Request,
        ["System.Formats.Tar.TarEntry.LinkName"] = Origin.Request,
        ["Microsoft.AspNetCore.Http.HttpContext.GetRouteValue"] = Origin.Request,
        ["Microsoft.AspNetCore.Routing.RoutingHttpContextExtensions.GetRouteValue"] = Origin.Request,
        ["Microsoft.AspNetCore.Routing.RoutingHttpContextExtensions.GetRouteData"] = Origin.Request,
        ["Microsoft.AspNetCore.Http.HttpRequestJsonExtensions.ReadFromJsonAsync"] = Origin.Request,
        ["Dapper.SqlMapper.Query"] = Origin.Stored,
        ["Dapper.SqlMapper.QueryAsync"] = Origin.Stored,
        ["Dapper.SqlMapper.QueryFirst"] = Origin.Stored,
        ["Dapper.SqlMapper.QueryFirstAsync"] = Origin.Stored,
        ["Dapper.SqlMapper.QueryFirstOrDefault"] = Origin.Stored,
        ["Dapper.SqlMapper.QueryFirstOrDefaultAsync"] = Origin.Stored,
        ["Dapper.SqlMapper.QuerySingle"] = Origin.Stored,
        ["Dapper.SqlMapper.QuerySingleAsync"] = Origin.Stored,
        ["Dapper.SqlMapper.QuerySingleOrDefault"] = Origin.Stored,
        ["Dapper.SqlMapper.QuerySingleOrDefaultAsync"] = Origin.Stored,
        ["Dapper.SqlMapper.ExecuteScalar"] = Origin.Stored,
        ["Dapper.SqlMapper.ExecuteScalarAsync"] = Origin.Stored,
        ["System.Data.Common.DbDataReader.*"] = Origin.Stored,
        ["System.Data.IDataRecord.*"] = Origin.Stored,
        ["System.Data.Common.DbCommand.ExecuteScalar"] = Origin.Stored,
        ["System.Data.Common.DbCommand.ExecuteScalarAsync"] = Origin.Stored,
        ["System.Data.IDbCommand.ExecuteScalar"] = Origin.Stored,
    };

    /// <summary>Calls whose result carries nothing from their inputs (random names, server paths, counts).</summary>
    public static readonly HashSet<string> ServerValues = new(StringComparer.Ordinal)
    {
        "System.IO.Path.GetRandomFileName", "System.IO.Path.GetTempPath", "System.IO.Path.GetTempFileName",
        "System.IO.Path.GetInvalidFileNameChars", "System.IO.Path.GetInvalidPathChars",
        "System.Guid.NewGuid", "System.Security.Cryptography.RandomNumberGenerator.GetBytes",
        "System.Security.Cryptography.RandomNumberGenerator.GetHexString", "System.Security.Cryptography.RandomNumberGenerator.GetString",
        "System.IO.Directory.CreateTempSubdirectory", "System.IO.Directory.EnumerateFiles", "System.IO.Directory.GetFiles",
        "System.IO.Directory.EnumerateFileSystemEntries", "System.IO.Directory.EnumerateDirectories",
        "System.Environment.get_MachineName", "System.Security.Claims.ClaimsPrincipal.FindFirstValue",
        "System.Security.Claims.PrincipalExtensions.FindFirstValue",
        "Microsoft.AspNetCore.Http.IFormFile.OpenReadStream", "Microsoft.AspNetCore.Http.IFormFile.CopyToAsync",
        "System.IO.Stream.CopyToAsync", "Microsoft.AspNetCore.Http.IRequestCookieCollection.ContainsKey",
        "Microsoft.AspNetCore.Http.IQueryCollection.ContainsKey",
        "Microsoft.AspNetCore.Antiforgery.IAntiforgery.GetAndStoreTokens",
        "Microsoft.AspNetCore.DataProtection.IDataProtector.Protect",
        "Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect",
    };

    /// <summary>Calls that make their first input (or receiver) safe for something.</summary>
    public static readonly Dictionary<string, Safe> Sanitizers = new(StringComparer.Ordinal)
    {
        ["System.Text.Encodings.Web.TextEncoder.Encode"] = Safe.Html,
        ["System.Text.Encodings.Web.HtmlEncoder.Encode"] = Safe.Html,
        ["System.Text.Encodings.Web.JavaScriptEncoder.Encode"] = Safe.Html,
        ["System.Text.Encodings.Web.UrlEncoder.Encode"] = Safe.Html | Safe.Url | Safe.Path | Safe.NoSlash | Safe.NoBackslash,
        ["System.Net.WebUtility.HtmlEncode"] = Safe.Html,
        ["System.Web.HttpUtility.HtmlEncode"] = Safe.Html,
        ["System.Web.HttpUtility.HtmlAttributeEncode"] = Safe.Html,
        ["System.Web.HttpUtility.JavaScriptStringEncode"] = Safe.Html,
        ["System.Net.WebUtility.UrlEncode"] = Safe.Html | Safe.Url | Safe.Path | Safe.NoSlash | Safe.NoBackslash,
        ["System.Web.HttpUtility.UrlEncode"] = Safe.Html | Safe.Url | Safe.Path | Safe.NoSlash | Safe.NoBackslash,
        ["System.Uri.EscapeDataString"] = Safe.Html | Safe.Url | Safe.Path | Safe.NoSlash | Safe.NoBackslash,
        ["System.Text.Json.JsonSerializer.Serialize"] = Safe.Html,
        ["Bastion.Html.HtmlText.Encode"] = Safe.Html,
        ["Bastion.Html.HtmlPolicySanitizer.Sanitize"] = Safe.Html,
        ["Ganss.Xss.HtmlSanitizer.Sanitize"] = Safe.Html,
        ["Microsoft.AspNetCore.Mvc.IUrlHelper.IsLocalUrl"] = Safe.None,
        ["System.IO.Path.GetFileName"] = Safe.Path | Safe.NoSlash,
        ["System.IO.Path.GetFileNameWithoutExtension"] = Safe.Path | Safe.NoSlash,
        ["System.IO.Path.GetFullPath"] = Safe.Normalized,
        ["Microsoft.Extensions.FileProviders.PhysicalFileProvider.GetFileInfo"] = Safe.Path | Safe.NoSlash | Safe.NoDotDot,
        ["Microsoft.Extensions.FileProviders.IFileProvider.GetFileInfo"] = Safe.Path | Safe.NoSlash | Safe.NoDotDot,
        ["System.Security.Cryptography.SHA256.HashData"] = Safe.All,
        ["System.Security.Cryptography.SHA384.HashData"] = Safe.All,
        ["System.Security.Cryptography.SHA512.HashData"] = Safe.All,
        ["System.Security.Cryptography.SHA1.HashData"] = Safe.All,
        ["System.Security.Cryptography.MD5.HashData"] = Safe.All,
        ["System.Security.Cryptography.HMACSHA256.HashData"] = Safe.All,
        ["System.Security.Cryptography.HMACSHA384.HashData"] = Safe.All,
        ["System.Security.Cryptography.HMACSHA512.HashData"] = Safe.All,
        ["System.Security.Cryptography.HashAlgorithm.ComputeHash"] = Safe.All,
        ["System.Security.Cryptography.HashAlgorithm.ComputeHashAsync"] = Safe.All,
        ["System.Security.Cryptography.IncrementalHash.GetHashAndReset"] = Safe.All,
        ["Bastion.Paths.SafePathResolver.Resolve"] = Safe.All,
        ["Bastion.Paths.SafePathResolver.TryResolve"] = Safe.All,
        ["Bastion.SafeCommandRunner.Quote"] = Safe.Shell,
    };

    /// <summary>Calls that undo encoding, so every earlier check stops holding.</summary>
    public static readonly HashSet<string> Decoders = new(StringComparer.Ordinal)
    {
        "System.Net.WebUtility.UrlDecode", "System.Web.HttpUtility.UrlDecode", "System.Uri.UnescapeDataString",
        "System.Net.WebUtility.HtmlDecode", "System.Web.HttpUtility.HtmlDecode", "System.Convert.FromBase64String",
        "Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode", "System.Web.HttpUtility.UrlPathEncode",
    };

    /// <summary>Calls that throw unless their first argument passed a check: after them the argument is safe for this.</summary>
    public static readonly Dictionary<string, Safe> Assertions = new(StringComparer.Ordinal)
    {
        ["Bastion.SafeCommandRunner.CheckArgument"] = Safe.Shell | Safe.Option | Safe.Sql,
        ["Bastion.SafeCommandRunner.CheckPattern"] = Safe.Validated,
    };

    /// <summary>Methods that keep a literal a literal (decoding, conversion, hashing a hard-coded key is still hard-coded).</summary>
    public static readonly HashSet<string> LiteralCarriers = new(StringComparer.Ordinal)
    {
        "System.Text.Encoding.GetBytes", "System.Convert.FromBase64String", "System.Convert.FromHexString",
        "System.Linq.Enumerable.ToArray", "System.ReadOnlySpan.ToArray", "System.Security.Cryptography.SHA256.HashData",
        "System.Security.Cryptography.SHA512.HashData", "System.Security.Cryptography.SHA384.HashData",
        "Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes", "System.String.Trim",
    };

    /// <summary>Mutating calls: their arguments flow into the receiver (a builder, a list, a bag).</summary>
    public static bool IsMutator(string name)
        => name.StartsWith("Add", StringComparison.Ordinal) || name.StartsWith("Append", StringComparison.Ordinal)
           || name.StartsWith("Insert", StringComparison.Ordinal) || name is "Enqueue" or "Push" or "TryAdd" or "Prepend" or "Write" or "WriteLine";

    /// <summary>Configuration keys (the last segment) and environment variable names that hold secrets.</summary>
    private static readonly Regex SecretName = new(
        @"(password|passwd|pwd|secret|apikey|api_key|accesskey|access_key|token|signingkey|privatekey|private_key|pepper|credential|connectionstring|sastoken|(^|[_:.])key$|_key$|^key$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex NotASecret = new(@"(file|path|url|uri|name|id|kid|type|header|issuer|audience|length|size)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static bool NamesSecret(string? key)
    {
        if (key is null || key.Length == 0)
        {
            return false;
        }

        string last = key;
        int colon = key.LastIndexOf(':');
        if (colon >= 0 && colon < key.Length - 1)
        {
            last = key.Substring(colon + 1);
        }

        return SecretName.IsMatch(last) && !NotASecret.IsMatch(last);
    }

    /// <summary>A member whose name says it holds a secret (Password, ClientSecret, ApiKey).</summary>
    public static bool MemberNamesSecret(string name)
        => name.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0
           || name.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0
           || name.IndexOf("apikey", StringComparison.OrdinalIgnoreCase) >= 0;
}
