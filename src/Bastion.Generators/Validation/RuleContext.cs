using System.Collections.Generic;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Validation;

/// <summary>What rule parsing needs to know about the member the attribute sits on.</summary>
internal sealed record RuleContext(
    string MemberName,
    string JsonName,
    string TypeDisplay,
    MemberShape Shape,
    ITypeSymbol ValueType,
    LocationInfo? Location,
    List<DiagnosticInfo> Diagnostics);
