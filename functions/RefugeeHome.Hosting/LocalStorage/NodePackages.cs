using System.ComponentModel;
using System.Diagnostics;

namespace RefugeeHome.Hosting.LocalStorage;

/// <summary>Installs the repository's npm packages (Azurite) on first use, so a fresh clone needs no manual step.</summary>
public static class NodePackages
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>The entry script of the Azurite package inside the checkout.</summary>
    public static string AzuriteScript(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>Runs <c>npm ci</c> in <paramref name="repositoryRoot"/> when Azurite is not installed yet.</summary>
    public static async Task EnsureAzuriteInstalledAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        if (File.Exists(AzuriteScript(repositoryRoot)))
        {
            return;
        }

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            // Several test processes may start at once on a fresh clone; the lock file lets one of them install.
            await using var crossProcess = await AcquireInstallLockAsync(repositoryRoot, cancellationToken);
            if (!File.Exists(AzuriteScript(repositoryRoot)))
            {
                await RunNpmCiAsync(repositoryRoot, cancellationToken);
            }
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static async Task<FileStream> AcquireInstallLockAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(repositoryRoot, "node_modules.install-lock");
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1,
                    FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static async Task RunNpmCiAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "ci", "--no-audit", "--no-fund" },
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "Node.js and npm are needed to run Azurite, the local Azure Storage emulator, and were not found on " +
                "PATH. Install Node.js 20 or later, then run 'npm ci' in the repository root.", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'npm ci' failed with exit code {process.ExitCode} in '{repositoryRoot}':{Environment.NewLine}" +
                    await output + await errors);
            }
        }
    }
}
