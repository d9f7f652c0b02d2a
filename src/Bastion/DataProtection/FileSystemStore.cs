using System;
using System.IO;
using Microsoft.AspNetCore.DataProtection;

namespace Bastion.DataProtection;

/// <summary><c>Store = FileSystem</c>: keys in <c>Bastion:DataProtection:FileSystem:Path</c> (a shared volume for several instances).</summary>
internal static class FileSystemStore
{
    public static void Configure(DataProtectionStoreContext context)
    {
        string path = Path.GetFullPath(context.Required("FileSystem:Path"), context.Environment.ContentRootPath);
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Bastion: configuration key '{context.Section.Path}:FileSystem:Path' names a folder that cannot be created or used ({error.GetType().Name}).", error);
        }

        context.Builder.PersistKeysToFileSystem(new DirectoryInfo(path));
    }
}
