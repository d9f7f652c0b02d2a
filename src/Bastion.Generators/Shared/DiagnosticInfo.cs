using System.Linq;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Shared;

/// <summary>A diagnostic as data: descriptor, location and message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        => new(descriptor, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic(Compilation compilation)
        => Diagnostic.Create(Descriptor, Location?.ToLocation(compilation), Arguments.Cast<object>().ToArray());
}
