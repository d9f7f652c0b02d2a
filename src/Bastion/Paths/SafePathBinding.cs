using System;
using System.IO;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bastion.Paths;

/// <summary>Builds the resolver for a generated [SafePath] parameter once, when endpoints are mapped.</summary>
public static class SafePathBinding
{
    /// <summary>
    /// Resolves <paramref name="root"/> (a configuration key, else a path; relative to the content root) and
    /// returns its resolver. A missing directory stops the app at start-up with a message naming the endpoint.
    /// </summary>
    public static SafePathResolver CreateResolver(IEndpointRouteBuilder endpoints, string root, bool allowSubdirectories, string[] allowedExtensions, bool mustExist, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        IServiceProvider services = endpoints.ServiceProvider;
        string? configured = services.GetService<IConfiguration>()?[root];
        string directory = string.IsNullOrWhiteSpace(configured) ? root : configured;
        string contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        string full = Path.GetFullPath(Path.IsPathFullyQualified(directory) ? directory : Path.Combine(contentRoot, directory));
        if (!Directory.Exists(full))
        {
            throw new InvalidOperationException(
                $"Bastion: endpoint '{endpoint}' serves files from [SafePath(Root = \"{root}\")], which resolves to '{full}', but that directory does not exist.");
        }

        return new SafePathResolver(full, new SafePathOptions { AllowSubdirectories = allowSubdirectories, AllowedExtensions = allowedExtensions, MustExist = mustExist });
    }

    /// <summary>
    /// Resolves a <see cref="SafeFilePath"/> read from a JSON request body (held unresolved until now) with
    /// <c>resolvers[index]</c>. Returns null with the resolved value, or the message to report for the member.
    /// A missing value, or no resolvers (the method was called outside a generated endpoint), is refused.
    /// </summary>
    public static string? ResolveMember(SafePathResolver[]? resolvers, int index, SafeFilePath value, out SafeFilePath resolved)
    {
        resolved = default;
        if (value.IsResolved)
        {
            resolved = value;
            return null;
        }

        if (value.Unresolved is null || resolvers is null || (uint)index >= (uint)resolvers.Length)
        {
            return "The path is not allowed.";
        }

        SafePathResult result = resolvers[index].Resolve(value.Unresolved);
        if (!result.Succeeded)
        {
            return result.Rejection == PathRejection.NotFound ? "No such file." : "The path is not allowed.";
        }

        resolved = result.Path;
        return null;
    }
}
