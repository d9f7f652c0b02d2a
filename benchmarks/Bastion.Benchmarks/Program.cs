using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Bastion.Benchmarks.ValidationBenchmarks).Assembly).Run(args);
