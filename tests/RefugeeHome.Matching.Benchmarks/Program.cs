using BenchmarkDotNet.Running;

// Usage: dotnet run -c Release --project tests/RefugeeHome.Matching.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(RefugeeHome.Matching.Benchmarks.SweepBenchmark).Assembly).Run(args);
