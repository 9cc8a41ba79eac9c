using System.Diagnostics;
using System.Globalization;

namespace RefugeeHome.Hosting.LocalStorage;

/// <summary>
/// A running Azurite (the Azure Storage emulator) bound to 127.0.0.1, started from the repository's npm packages with
/// telemetry off. Disposing it stops the emulator; if the parent process dies first, the emulator exits by itself.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountName = "devstoreaccount1";

    // Azurite's well-known development account key, published in its documentation; it protects nothing.
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Stops when the parent that started it is gone, so a killed runner or test host leaves no emulator behind; and stops
    // as Ctrl+C stops it, writing its data folder first: Azurite saves its tables every few seconds, and exiting at once
    // would lose what it had taken since, such as the registrations a runner had just answered before it was killed.
    // Nobody reads its output any more, and writing to the pipe the parent held would end it before it saved.
    private const string ParentWatchdogScript =
        "const parent = process.ppid;" +
        "const watch = setInterval(() => {" +
        " if (process.ppid === parent) return;" +
        " clearInterval(watch);" +
        " for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});" +
        " console.log = console.info = console.warn = console.error = () => {};" +
        " process.kill(process.pid, 'SIGINT');" +
        "}, 500);" +
        "watch.unref();" +
        "const script = process.argv[1];" +
        "process.argv = [process.argv[0], script, ...process.argv.slice(2)];" +
        "require(script);";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly CapturedOutput _log;

    private AzuriteProcess(Process process, CapturedOutput log, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _log = log;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>The Blob service port.</summary>
    public int BlobPort { get; }

    /// <summary>The Queue service port.</summary>
    public int QueuePort { get; }

    /// <summary>The Table service port.</summary>
    public int TablePort { get; }

    /// <summary>A connection string for this emulator instance.</summary>
    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>A connection string for an emulator on the given loopback ports.</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};");

    /// <summary>Installs Azurite if needed, starts it and waits until all three services accept connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(
        string repositoryRoot, AzuriteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await NodePackages.EnsureAzuriteInstalledAsync(repositoryRoot, cancellationToken);
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(repositoryRoot, options, cancellationToken);
            }
            catch (AzuriteStartException) when (attempt < attempts && options.TablePort == 0)
            {
                // A free port picked a moment ago can be taken by another process before Azurite binds it.
            }
        }
    }

    private static async Task<AzuriteProcess> StartOnceAsync(
        string repositoryRoot, AzuriteOptions options, CancellationToken cancellationToken)
    {
        var blobPort = options.BlobPort == 0 ? LoopbackPorts.Free() : options.BlobPort;
        var queuePort = options.QueuePort == 0 ? LoopbackPorts.Free() : options.QueuePort;
        var tablePort = options.TablePort == 0 ? LoopbackPorts.Free() : options.TablePort;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "-e", ParentWatchdogScript, NodePackages.AzuriteScript(repositoryRoot),
                "--blobHost", "127.0.0.1", "--blobPort", Invariant(blobPort),
                "--queueHost", "127.0.0.1", "--queuePort", Invariant(queuePort),
                "--tableHost", "127.0.0.1", "--tablePort", Invariant(tablePort),
                "--disableTelemetry", "--skipApiVersionCheck", "--silent",
            },
        };
        if (options.DataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(options.DataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(options.DataFolder);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var azurite = new AzuriteProcess(process, CapturedOutput.Of(process), blobPort, queuePort, tablePort);
        try
        {
            await azurite.WaitUntilListeningAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (!await LoopbackPorts.IsListeningAsync(port, cancellationToken))
            {
                if (_process.HasExited)
                {
                    throw new AzuriteStartException($"Azurite exited with code {_process.ExitCode}: {_log}");
                }

                if (deadline.Elapsed > StartTimeout)
                {
                    throw new AzuriteStartException($"Azurite did not listen on port {port} within {StartTimeout}: {_log}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Stops the emulator and waits for it to exit: first as Ctrl+C would, so it writes its data folder, and by force
    /// if it has not exited after a few seconds.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && !OperatingSystem.IsWindows() && NativeSignals.Interrupt(_process.Id))
        {
            using var grace = new CancellationTokenSource(GracefulStopTimeout);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // It did not stop in time: stopped by force below.
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
