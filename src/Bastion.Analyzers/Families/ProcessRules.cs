using System;
using System.Collections.Generic;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Families;

/// <summary>
/// Command injection: request data that becomes part of a shell or interpreter script (BAS1301), reaches the OS shell
/// through UseShellExecute (BAS1302), sits in one argument string the runtime splits (BAS1303), names the program
/// (BAS1305) or can be read as an option because no "--" precedes it (BAS1306). ArgumentList entries are followed in
/// order per ProcessStartInfo, so positional shell arguments (<c>sh -c '… "$1"' -- value</c>) and values after "--" pass.
/// </summary>
internal sealed class ProcessRules : IFlowRules
{
    private static readonly Sink Shell = new(Rules.ShellCommandFromRequest, Origin.Request, Safe.Shell);
    private static readonly Sink ShellExecute = new(Rules.ShellExecuteWithRequestData, Origin.Request, Safe.Shell);
    private static readonly Sink ArgumentString = new(Rules.ArgumentStringFromRequest, Origin.Request, Safe.Shell | Safe.Option);
    private static readonly Sink Program = new(Rules.ProgramFromRequest, Origin.Request, Safe.Shell);
    private static readonly Sink Option = new(Rules.OptionFromRequest, Origin.Request, Safe.Option);

    private const string StartInfo = "System.Diagnostics.ProcessStartInfo";

    private enum Kind
    {
        Program,
        Posix,
        Cmd,
        PowerShell,
        Interpreter,
        Env,
    }

    public void OnCall(CallSite site)
    {
        bool creation = site.TypeName == StartInfo && site.IsCreation;
        bool start = site.TypeName == "System.Diagnostics.Process" && site.Name == "Start";
        if (creation || start)
        {
            if (start && site.Method.Parameters.Length == 1 && site.Method.Parameters[0].Type.Name == "ProcessStartInfo")
            {
                StartWith(site);
                return;
            }

            Value? file = site.Argument("fileName");
            if (file is null)
            {
                return;
            }

            string what = creation ? "ProcessStartInfo" : "Process.Start";
            site.Flow.Check(Program, file, site.Location, what, null);
            if (creation && site.ResultKey is { } key)
            {
                site.Flow.State.Set(key.WithMember("FileName"), file);
            }

            int arguments = site.Ordinal("arguments");
            if (arguments >= 0 && site.ArgumentOperations[arguments] is not null)
            {
                Value value = site.Arguments[arguments];
                if (site.Method.Parameters[arguments].Type.SpecialType == SpecialType.System_String)
                {
                    ArgumentText(site.Flow, file.Text, value, site.Location, what);
                    if (creation && site.ResultKey is { } k)
                    {
                        site.Flow.State.Set(k.WithMember("Arguments"), value);
                    }
                }
                else
                {
                    var state = new SequenceState(KindOf(file.Text));
                    Sequence(site.Flow, file.Text, value, site.Location, ref state);
                }
            }

            return;
        }

        if (site.Name == "Add" && site.Operation is IInvocationOperation { Instance: { } receiver } && site.Flow.Original(receiver) is IPropertyReferenceOperation { Property.Name: "ArgumentList" } list
            && site.Flow.KeyOf(list.Instance) is { } psi && site.Arguments.Length == 1)
        {
            string? program = site.Flow.ValueOf(psi.WithMember("FileName")).Text;
            var state = SequenceState.Load(site.Flow, psi, KindOf(program));
            Sequence(site.Flow, program, site.Arguments[0], site.Location, ref state);
            state.Save(site.Flow, psi);
        }
    }

    private static void StartWith(CallSite site)
    {
        if (site.ArgumentKeys[0] is not { } psi)
        {
            return;
        }

        Value shellExecute = site.Flow.ValueOf(psi.WithMember("UseShellExecute"));
        if (shellExecute.Constant is true)
        {
            Value file = site.Flow.ValueOf(psi.WithMember("FileName"));
            if (file.Prefix is { } prefix && (prefix.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || prefix.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                && prefix.IndexOf('/', prefix.IndexOf("//", StringComparison.Ordinal) + 2) > 0)
            {
                return;
            }

            site.Flow.Check(ShellExecute, file, site.Location, "Process.Start", file.Label ?? "the file name");
            site.Flow.Check(ShellExecute, site.Flow.ValueOf(psi.WithMember("Arguments")), site.Location, "Process.Start", "the arguments");
        }
    }

    public void OnPropertySet(BodyFlow flow, IPropertySymbol property, StateKey? instance, Value value, IOperation assignment)
    {
        if (flow.Analysis.Names.Of(property.ContainingType) != StartInfo)
        {
            return;
        }

        Location location = assignment.Syntax.GetLocation();
        if (property.Name == "FileName")
        {
            flow.Check(Program, value, location, "ProcessStartInfo", null);
        }
        else if (property.Name == "Arguments")
        {
            string? program = instance is { } psi ? flow.ValueOf(psi.WithMember("FileName")).Text : null;
            ArgumentText(flow, program, value, location, "ProcessStartInfo");
        }
    }

    public void OnReturn(BodyFlow flow, IOperation returned, Value value)
    {
    }

    private static void ArgumentText(BodyFlow flow, string? program, Value value, Location location, string what)
    {
        Kind kind = KindOf(program);
        if (kind is Kind.Program)
        {
            flow.Check(ArgumentString, value, location, program ?? what, null);
        }
        else
        {
            flow.Check(Shell, value, location, what, program, null);
        }
    }

    /// <summary>Arguments in order: what a shell runs as its script, and for other programs whether "--" came first.</summary>
    private static void Sequence(BodyFlow flow, string? program, Value value, Location location, ref SequenceState state)
    {
        if (value.IsSequence || !value.Elements.IsDefault)
        {
            if (!value.Elements.IsDefault)
            {
                foreach (Value element in value.Elements)
                {
                    One(flow, program, element, location, ref state);
                }

                return;
            }
        }

        One(flow, program, value, location, ref state);
    }

    private static void One(BodyFlow flow, string? program, Value value, Location location, ref SequenceState state)
    {
        string? text = value.Text;
        bool tainted = !value.Taint.IsClean;
        switch (state.Kind)
        {
            case Kind.Env when state.Phase == 0 && text is not null && !text.StartsWith("-", StringComparison.Ordinal):
                state = new SequenceState(KindOf(text));
                return;
            case Kind.Env when state.Phase == 0 && tainted:
                flow.Check(Program, value, location, "env", null);
                return;
            case Kind.Program:
                if (text == "--")
                {
                    state.DashDash = true;
                }
                else if (tainted && !state.DashDash)
                {
                    flow.Check(Option, value, location, program ?? "the program", null);
                }

                return;
        }

        if (state.Phase == 1)
        {
            flow.Check(Shell, value, location, "ArgumentList", program, null);
            if (state.Kind is Kind.Posix or Kind.Interpreter)
            {
                state.Phase = 2;
            }

            return;
        }

        if (state.Phase == 2)
        {
            return;
        }

        if (text is not null && IsScriptFlag(state.Kind, text))
        {
            state.Phase = 1;
        }
        else if (text is not null && state.Kind == Kind.PowerShell && string.Equals(text, "-File", StringComparison.OrdinalIgnoreCase))
        {
            state.Phase = 2;
        }
        else if (tainted)
        {
            flow.Check(Shell, value, location, "ArgumentList", program, null);
        }
    }

    private static bool IsScriptFlag(Kind kind, string text) => kind switch
    {
        Kind.Posix => text is "-c" or "-lc" or "-ic" or "-ec",
        Kind.Cmd => string.Equals(text, "/c", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "/k", StringComparison.OrdinalIgnoreCase),
        Kind.PowerShell => text.StartsWith("-c", StringComparison.OrdinalIgnoreCase) || text.StartsWith("-e", StringComparison.OrdinalIgnoreCase) || text == "-",
        Kind.Interpreter => text is "-c" or "-e" or "-r" or "-E" or "--eval" or "-p",
        _ => false,
    };

    private static Kind KindOf(string? program)
    {
        if (program is null)
        {
            return Kind.Program;
        }

        string name = program.Trim().Replace('\\', '/');
        int slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name.Substring(slash + 1);
        }

        name = name.ToLowerInvariant();
        if (name.EndsWith(".exe", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 4);
        }

        return name switch
        {
            "sh" or "bash" or "zsh" or "dash" or "ksh" or "ash" or "fish" or "csh" or "tcsh" => Kind.Posix,
            "cmd" => Kind.Cmd,
            "powershell" or "pwsh" => Kind.PowerShell,
            "python" or "python3" or "perl" or "ruby" or "node" or "php" or "lua" => Kind.Interpreter,
            "env" => Kind.Env,
            _ => Kind.Program,
        };
    }

    /// <summary>Where a ProcessStartInfo's ArgumentList is: after the script flag, after "--"; kept in the flow state per object.</summary>
    private struct SequenceState
    {
        public SequenceState(Kind kind)
        {
            Kind = kind;
            Phase = 0;
            DashDash = false;
        }

        public Kind Kind;
        public int Phase;
        public bool DashDash;

        public static SequenceState Load(BodyFlow flow, StateKey psi, Kind fallback)
        {
            Value kind = flow.ValueOf(psi.WithMember("#kind"));
            var state = new SequenceState(kind.Constant is int k ? (Kind)k : fallback);
            state.Phase = flow.ValueOf(psi.WithMember("#phase")).Constant is int p ? p : 0;
            state.DashDash = flow.ValueOf(psi.WithMember("#dashdash")).Constant is true;
            return state;
        }

        public readonly void Save(BodyFlow flow, StateKey psi)
        {
            flow.State.Set(psi.WithMember("#kind"), Value.Constant_((int)Kind, Taint.Clean));
            flow.State.Set(psi.WithMember("#phase"), Value.Constant_(Phase, Taint.Clean));
            flow.State.Set(psi.WithMember("#dashdash"), Value.Constant_(DashDash, Taint.Clean));
        }
    }
}
