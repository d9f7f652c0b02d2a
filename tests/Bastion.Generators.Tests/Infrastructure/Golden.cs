using System;
using System.IO;
using Bastion.Testing;
using Xunit;

namespace Bastion.Generators.Tests.Infrastructure;

/// <summary>
/// Golden files of generated code. <c>Golden/{name}.verified.cs</c> beside the tests is the expected
/// text; on a mismatch <c>{name}.received.cs</c> is written next to it and the test fails. Run with
/// <c>BASTION_ACCEPT=1</c> to accept the received text as the new golden file.
/// </summary>
public static class Golden
{
    // Found from the repository root, not [CallerFilePath]: CI builds map source paths to "/_/".
    private static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "tests", "Bastion.Generators.Tests", "Golden");

    public static void Verify(string actual, string name, string extension = "cs")
    {
        string folder = Folder;
        string verified = Path.Combine(folder, $"{name}.verified.{extension}");
        string received = Path.Combine(folder, $"{name}.received.{extension}");
        string normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("BASTION_ACCEPT") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, normalized);
            File.Delete(received);
            return;
        }

        string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == normalized)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, normalized);
        Assert.Fail(expected is null
            ? $"No golden file {verified}. Review {received} and accept it with BASTION_ACCEPT=1."
            : $"Generated text differs from {verified}. Review the diff against {received}; accept with BASTION_ACCEPT=1.");
    }
}
