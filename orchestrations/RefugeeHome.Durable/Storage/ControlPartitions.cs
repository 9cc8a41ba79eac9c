using System.Globalization;
using System.Text;

namespace RefugeeHome.Durable.Storage;

/// <summary>Which control partition an instance belongs to: a stable hash of its id.</summary>
internal static class ControlPartitions
{
    public static string For(string instanceId, int partitionCount)
    {
        // FNV-1a: stable across processes and versions, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(instanceId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return Name((int)(hash % (uint)partitionCount));
    }

    public static string Name(int index) => string.Create(CultureInfo.InvariantCulture, $"p{index:D2}");

    public static IEnumerable<string> All(int partitionCount) => Enumerable.Range(0, partitionCount).Select(Name);
}
