namespace RefugeeHome.Hosting.LocalStorage;

/// <summary>Finds the checkout's root folder: the one whose <c>package.json</c> pins the local storage emulator.</summary>
public static class RepositoryRoot
{
    /// <summary>Walks up from <paramref name="start"/> (default: the app's base folder) to the repository root.</summary>
    public static string Find(string? start = null)
    {
        for (var folder = new DirectoryInfo(start ?? AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "package.json")) &&
                File.Exists(Path.Combine(folder.FullName, "RefugeeHome.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            "Cannot find the RefugeeHome checkout (a folder holding RefugeeHome.sln and package.json) above " +
            $"'{start ?? AppContext.BaseDirectory}'. Run the local runner and the tests from inside the repository.");
    }
}
