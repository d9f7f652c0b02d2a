using System;
using System.IO;

namespace Bastion.Testing;

/// <summary>Finds the repository root (the folder holding Generators.sln) from a test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Generators.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
