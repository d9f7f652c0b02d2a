using System;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Bastion.ApiKeys;
using Microsoft.Extensions.DependencyInjection;

namespace Bastion.Samples.Api.Partners;

/// <summary>
/// The sample's admin commands, run against the same configuration as the app (so against the shared database when
/// one is configured) and never exposed over HTTP:
/// <code>
/// dotnet run --project samples/Bastion.Samples.Api -- api-keys create OWNER [--Configuration:Key=value ...]
/// dotnet run --project samples/Bastion.Samples.Api -- api-keys rotate ID       (new key; the old one works for the grace period)
/// dotnet run --project samples/Bastion.Samples.Api -- api-keys retire ID       (ends now, no successor)
/// dotnet run --project samples/Bastion.Samples.Api -- api-keys revoke ID
/// dotnet run --project samples/Bastion.Samples.Api -- jwt add-key KID DIR      (step 1: an ES256 key every instance accepts)
/// dotnet run --project samples/Bastion.Samples.Api -- jwt use-key KID DIR      (step 2, after Bastion:Jwt:Jwks:MaxAge: sign with it)
/// dotnet run --project samples/Bastion.Samples.Api -- jwt remove-key KID DIR   (step 3, after the token lifetime)
/// </code>
/// DIR is the secrets directory every instance reads (<c>Bastion:Secrets:Directory</c>). Output goes to
/// the given writer; a new key is printed once and never stored.
/// </summary>
public static class SampleAdmin
{
    private static readonly System.Buffers.SearchValues<char> KidCharacters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "api-keys" or "jwt";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length == 3 && args[0] == "jwt")
        {
            return Jwt(args[1], args[2], null, output);
        }

        if (args.Length == 4 && args[0] == "jwt")
        {
            return Jwt(args[1], args[2], args[3], output);
        }

        if (args.Length < 3 || args[0] != "api-keys")
        {
            await output.WriteLineAsync("usage: api-keys create OWNER | api-keys rotate ID | api-keys retire ID | api-keys revoke ID | jwt add-key KID DIR | jwt use-key KID DIR | jwt remove-key KID DIR");
            return 2;
        }

        // Anything after the command is the app's own configuration (--ConnectionStrings:Comments=..., --Bastion:...).
        await using Microsoft.AspNetCore.Builder.WebApplication host = SampleApp.Build(args[3..]);
        ApiKeyService keys = host.Services.GetRequiredService<ApiKeyService>();
        await using DbConnection db = host.Services.GetRequiredService<ApiKeyDatabase>().Open(host.Services);
        switch (args[1])
        {
            case "create":
                ApiKeyCreated created = await keys.CreateAsync(db, args[2], ct);
                await output.WriteLineAsync($"id {created.Id}");
                await output.WriteLineAsync($"key {created.Key}");
                return 0;
            case "rotate":
                ApiKeyCreated? rotated = await keys.RotateAsync(db, args[2], ct);
                await output.WriteLineAsync(rotated is null ? "no such active key" : $"id {rotated.Id}\nkey {rotated.Key}\nold key {args[2]} works until {DateTimeOffset.UtcNow + keys.GracePeriod:O}");
                return rotated is null ? 1 : 0;
            case "retire":
                bool retired = await keys.RetireAsync(db, args[2], DateTimeOffset.UtcNow, ct);
                await output.WriteLineAsync(retired ? "retired" : "no such active key");
                return retired ? 0 : 1;
            case "revoke":
                bool revoked = await keys.RevokeAsync(db, args[2], ct);
                await output.WriteLineAsync(revoked ? "revoked" : "no such active key");
                return revoked ? 0 : 1;
            default:
                await output.WriteLineAsync("unknown api-keys command: " + args[1]);
                return 2;
        }
    }

    /// <summary>The JWT key steps, as files in the secrets directory (key per file: <c>Bastion__Jwt__...</c>).</summary>
    private static int Jwt(string command, string kid, string? directory, TextWriter output)
    {
        if (directory is null || !Directory.Exists(directory) || kid.Length is 0 or > 64 || kid.AsSpan().IndexOfAnyExcept(KidCharacters) >= 0)
        {
            output.WriteLine("jwt commands need KID (a-z, 0-9, '-') and an existing secrets directory");
            return 2;
        }

        string prefix = Path.Combine(directory, "Bastion__Jwt__Keys__" + kid);
        switch (command)
        {
            case "add-key":
                using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                {
                    // The private key is written before the algorithm: a reader never sees a key it cannot load.
                    WriteFile(prefix + "__PrivateKey", key.ExportPkcs8PrivateKeyPem());
                    WriteFile(prefix + "__Algorithm", "ES256");
                }

                output.WriteLine($"added {kid}; wait at least Bastion:Jwt:Jwks:MaxAge before 'jwt use-key {kid}'");
                return 0;
            case "use-key":
                if (!File.Exists(prefix + "__Algorithm"))
                {
                    output.WriteLine($"no key {kid} in the directory; add it first");
                    return 1;
                }

                WriteFile(Path.Combine(directory, "Bastion__Jwt__CurrentKid"), kid);
                output.WriteLine($"signing with {kid}");
                return 0;
            case "remove-key":
                if (File.Exists(Path.Combine(directory, "Bastion__Jwt__CurrentKid")) && File.ReadAllText(Path.Combine(directory, "Bastion__Jwt__CurrentKid")).Trim() == kid)
                {
                    output.WriteLine($"{kid} signs new tokens; switch to another key first");
                    return 1;
                }

                File.Delete(prefix + "__Algorithm");
                File.Delete(prefix + "__PrivateKey");
                output.WriteLine($"removed {kid}; tokens signed with it are refused");
                return 0;
            default:
                output.WriteLine("unknown jwt command: " + command);
                return 2;
        }
    }

    /// <summary>Writes beside the target and renames, so an instance polling the directory never reads half a file.</summary>
    private static void WriteFile(string path, string content)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
