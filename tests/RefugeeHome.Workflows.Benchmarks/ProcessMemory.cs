using System.Globalization;

namespace RefugeeHome.Workflows.Benchmarks;

/// <summary>What a process holds in memory, as Linux counts it.</summary>
internal static class ProcessMemory
{
    /// <summary>The resident set of <paramref name="processId"/> in MiB.</summary>
    public static double ResidentMiB(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").Single(status => status.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
