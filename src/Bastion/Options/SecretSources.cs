using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bastion.Options;

/// <summary>
/// Where secrets come from besides the normal configuration chain (files, environment variables, user secrets in
/// Development): a key-per-file directory (Docker and Kubernetes secrets; <c>Database__Password</c> is the key
/// <c>Database:Password</c>), watched for changes, named by <c>Bastion:Secrets:Directory</c>; and a <c>.env</c> file in
/// the content root, read in Development only. <c>builder.AddBastion()</c> adds both.
/// </summary>
public static class SecretSources
{
    /// <summary>Adds the sources; returns warnings to log once logging exists (for example a <c>.env</c> that git would commit).</summary>
    public static IReadOnlyList<string> Add(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var warnings = new List<string>();
        string root = builder.Environment.ContentRootPath;
        string? directory = builder.Configuration[SecretsDirectorySource.Setting];
        if (!string.IsNullOrWhiteSpace(directory))
        {
            string full = Path.GetFullPath(directory, root);
            if (!Directory.Exists(full))
            {
                throw new InvalidOperationException($"Bastion: configuration key '{SecretsDirectorySource.Setting}' names '{full}', which does not exist.");
            }

            var log = new SecretsDirectoryLog();
            builder.Services.AddSingleton(log);
            builder.Services.AddHostedService<SecretsDirectoryLogging>();
            ((IConfigurationBuilder)builder.Configuration).Add(new SecretsDirectorySource(full, log));
        }

        string dotEnv = Path.Combine(root, ".env");
        if (File.Exists(dotEnv))
        {
            if (!builder.Environment.IsDevelopment())
            {
                warnings.Add($"'{dotEnv}' exists but is read in Development only; in {builder.Environment.EnvironmentName} set secrets through the environment or a secrets directory.");
            }
            else
            {
                builder.Configuration.AddInMemoryCollection(DotEnv.Parse(File.ReadAllLines(dotEnv), dotEnv));
                if (GitWouldCommit(root))
                {
                    warnings.Add($"'{dotEnv}' holds secrets but no .gitignore up to the repository root ignores it; add '.env' to .gitignore.");
                }
            }
        }

        return warnings;
    }

    /// <summary>True when the content root is inside a git repository whose .gitignore files do not mention <c>.env</c>.</summary>
    internal static bool GitWouldCommit(string contentRoot)
    {
        bool ignored = false;
        for (DirectoryInfo? current = new(contentRoot); current is not null; current = current.Parent)
        {
            string gitignore = Path.Combine(current.FullName, ".gitignore");
            if (File.Exists(gitignore) && File.ReadLines(gitignore).Select(l => l.Trim()).Any(l => l is ".env" or "/.env" or "*.env" or ".env*" or "**/.env" or ".env/"))
            {
                ignored = true;
            }

            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                return !ignored;
            }
        }

        return false;
    }
}

/// <summary>Reads <c>.env</c> lines: <c>KEY=value</c>, optional <c>export</c>, comments, quotes; <c>__</c> in a key means <c>:</c>.</summary>
internal static class DotEnv
{
    public static Dictionary<string, string?> Parse(IEnumerable<string> lines, string file)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            string key = equals > 0 ? line[..equals].Trim() : string.Empty;
            if (key.Length == 0 || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')))
            {
                // The line is not echoed: it may hold a secret.
                throw new FormatException($"Bastion: {file} line {number} is not KEY=value.");
            }

            string value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
            }
            else if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                value = value[1..^1];
            }
            else
            {
                int comment = value.IndexOf(" #", StringComparison.Ordinal);
                if (comment >= 0)
                {
                    value = value[..comment].TrimEnd();
                }
            }

            values[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        return values;
    }
}

/// <summary>Warnings found while the app was being built, logged by <c>app.UseBastion()</c>.</summary>
internal sealed class StartupWarnings
{
    public List<string> Messages { get; } = [];
}
