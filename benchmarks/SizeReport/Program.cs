using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bastion.SizeReport;

// Prints what each assembly brings to NativeAOT images, from the compiler's mstat files
// (publish with -p:IlcGenerateMstatFile=true). With several files, one column per file, the first as the reference.
if (args.Length == 0 || args.Any(a => a is "-h" or "--help"))
{
    Console.Error.WriteLine("usage: Bastion.SizeReport <name>=<file.mstat> [<name>=<file.mstat> ...] [--top N]");
    return args.Length == 0 ? 2 : 0;
}

int top = 40;
var images = new List<(string Name, MstatReader Stats)>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--top" && i + 1 < args.Length && int.TryParse(args[i + 1], out top))
    {
        i++;
        continue;
    }

    int equals = args[i].IndexOf('=', StringComparison.Ordinal);
    string name = equals > 0 ? args[i][..equals] : Path.GetFileNameWithoutExtension(args[i]);
    string path = equals > 0 ? args[i][(equals + 1)..] : args[i];
    if (!File.Exists(path))
    {
        Console.Error.WriteLine($"no mstat file at {path}: publish with -p:IlcGenerateMstatFile=true (it lands in obj/<configuration>/<tfm>/<rid>/native/)");
        return 1;
    }

    images.Add((name, MstatReader.Read(path)));
}

string[] assemblies = images.SelectMany(i => i.Stats.BytesByAssembly.Keys).Distinct(StringComparer.Ordinal)
    .OrderByDescending(a => images.Max(i => i.Stats.BytesByAssembly.GetValueOrDefault(a)))
    .ThenBy(a => a, StringComparer.Ordinal)
    .ToArray();

Console.WriteLine("| assembly | " + string.Join(" | ", images.Select(i => i.Name + " (KB)")) + " |");
Console.WriteLine("|---|" + string.Concat(images.Select(_ => "---:|")));
foreach (string assembly in assemblies.Take(top))
{
    Console.WriteLine($"| {assembly} | " + string.Join(" | ", images.Select(i => Kb(i.Stats.BytesByAssembly.GetValueOrDefault(assembly)))) + " |");
}

if (assemblies.Length > top)
{
    Console.WriteLine($"| {assemblies.Length - top} more | " + string.Join(" | ", images.Select(i => Kb(assemblies.Skip(top).Sum(a => i.Stats.BytesByAssembly.GetValueOrDefault(a))))) + " |");
}

Console.WriteLine("| **total** | " + string.Join(" | ", images.Select(i => "**" + Kb(i.Stats.BytesByAssembly.Values.Sum()) + "**")) + " |");
return 0;

static string Kb(long bytes) => bytes == 0 ? "-" : (bytes / 1024.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
