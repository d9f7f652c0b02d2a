using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// Exit code 1 when any benchmark failed to build or run, so the CI smoke run (`--job dry`) catches rot.
Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Bastion.Benchmarks.ValidationBenchmarks).Assembly).Run(args).ToArray();
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
