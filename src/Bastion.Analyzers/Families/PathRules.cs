using System;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace Bastion.Analyzers.Families;

/// <summary>
/// Path traversal (BAS1304): request data (query, form, headers, cookies, bodies, upload and archive entry names) in a
/// path handed to a file API: File, Directory, FileStream, FileInfo, DirectoryInfo, StreamReader/StreamWriter, archive
/// entry extraction, and the file results of minimal APIs, controllers and Razor Pages. Path.Combine is propagation,
/// not a sink: the report is where the path is used.
/// </summary>
internal sealed class PathRules : IFlowRules
{
    private static readonly Sink Sink = new(Rules.PathFromRequest, Origin.Request, Safe.Path);

    public void OnCall(CallSite site)
    {
        if (!IsFileApi(site))
        {
            return;
        }

        for (int i = 0; i < site.Method.Parameters.Length; i++)
        {
            IParameterSymbol parameter = site.Method.Parameters[i];
            if (site.ArgumentOperations[i] is null || parameter.Type.SpecialType != SpecialType.System_String || !IsPathParameter(parameter.Name))
            {
                continue;
            }

            string what = site.Name == ".ctor" ? "new " + site.Method.ContainingType.Name : site.Method.ContainingType.Name + "." + site.Name;
            site.Flow.Check(Sink, site.Arguments[i], site.Location, what, null);
        }
    }

    private static bool IsFileApi(CallSite site) => site.TypeName switch
    {
        "System.IO.File" or "System.IO.Directory" or "System.IO.FileStream" or "System.IO.FileInfo" or "System.IO.DirectoryInfo"
            or "System.IO.StreamReader" or "System.IO.StreamWriter" or "System.IO.Compression.ZipFileExtensions" or "System.IO.Compression.ZipFile"
            or "System.Formats.Tar.TarEntry" or "System.Formats.Tar.TarFile" or "Microsoft.AspNetCore.Mvc.PhysicalFileResult" => true,
        "Microsoft.AspNetCore.Http.Results" or "Microsoft.AspNetCore.Http.TypedResults" => site.Name is "File" or "PhysicalFile",
        "Microsoft.AspNetCore.Mvc.ControllerBase" or "Microsoft.AspNetCore.Mvc.RazorPages.PageModel" => site.Name is "PhysicalFile" or "File",
        _ => false,
    };

    private static bool IsPathParameter(string name)
        => name.IndexOf("path", StringComparison.OrdinalIgnoreCase) >= 0
           || name is "sourceFileName" or "destFileName" or "destinationFileName" or "destinationBackupFileName" or "sourceDirName" or "destDirName"
               or "fileName" or "sourceArchiveFileName" or "destinationDirectoryName" or "destinationArchiveFileName";

    public void OnPropertySet(BodyFlow flow, IPropertySymbol property, StateKey? instance, Value value, IOperation assignment)
    {
    }

    public void OnReturn(BodyFlow flow, IOperation returned, Value value)
    {
    }
}
