using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bastion.Analyzers;

/// <summary>SQL injection in hand-written code: BAS1410 (rules in Families/SqlRules.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlInjectionAnalyzer : FlowAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.SqlFromRequest);
}

/// <summary>Command injection: BAS1301–BAS1303, BAS1305, BAS1306 (rules in Families/ProcessRules.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessStartAnalyzer : FlowAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.ShellCommandFromRequest, Rules.ShellExecuteWithRequestData, Rules.ArgumentStringFromRequest, Rules.ProgramFromRequest, Rules.OptionFromRequest);
}

/// <summary>Path traversal: BAS1304 (rules in Families/PathRules.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FileSystemPathAnalyzer : FlowAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.PathFromRequest);
}

/// <summary>Cross-site scripting: BAS1801 (rules in Families/XssRules.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HtmlOutputAnalyzer : FlowAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.HtmlFromRequest);
}

/// <summary>Secrets in code and secrets written out: BAS1601–BAS1603 (rules in Families/SecretRules.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretAnalyzer : FlowAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.HardCodedSecret, Rules.SecretHolderExposed, Rules.SecretWritten);
}

/// <summary>Cookies the app writes: BAS1520 (rules in Families/CookieRules.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CookieAnalyzer : FlowAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.CookieNotHardened);
}

/// <summary>CORS written by hand: BAS1531 (rules in Families/CorsReflectionRules.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CorsReflectionAnalyzer : FlowAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.CorsOriginReflected);
}
