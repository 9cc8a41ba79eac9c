using System.Globalization;
using RefugeeHome.Soak;

// Usage: dotnet run -c Release --project tests/RefugeeHome.Soak -- [hosts] [placements] [kills] [storage folder]
//   Registers the hosts over HTTP, walks each through screening and the VOG as its people would, places a household
//   with as many of them, ends every placement early by the host's own link and retires those hosts, while the runner
//   is killed (SIGKILL) the given number of times. Writes its figures into docs/BENCHMARKS.md. Given a folder, Azurite
//   keeps its data there and the runner's output goes to runner.log in it, so what a failed run left can be read
//   afterwards; otherwise it is kept in memory.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var hosts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var placements = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var kills = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var storageFolder = args.Length > 3 ? Path.GetFullPath(args[3]) : null;
var result = await SoakRun.RunAsync(hosts, placements, kills, storageFolder);
Console.WriteLine(result.Markdown);
if (hosts >= 1000)
{
    SoakReport.WriteInto(Path.Combine(RefugeeHome.Hosting.LocalStorage.RepositoryRoot.Find(), "docs", "BENCHMARKS.md"), result.Markdown);
}

return result.Passed ? 0 : 1;
