using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

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

    // Exits when the parent that started it is gone, so a killed runner or test host leaves no emulator behind.
    private const string ParentWatchdogScript =
        "const parent = process.ppid;" +
        "setInterval(() => { if (process.ppid !== parent) process.exit(0); }, 500).unref();" +
        "const script = process.argv[1];" +
        "process.argv = [process.argv[0], script, ...process.argv.slice(2)];" +
        "require(script);";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _log;

    private AzuriteProcess(Process process, StringBuilder log, int blobPort, int queuePort, int tablePort)
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

    /// <summary>True when something accepts connections on the loopback <paramref name="port"/>.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

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
        var blobPort = options.BlobPort == 0 ? FreePort() : options.BlobPort;
        var queuePort = options.QueuePort == 0 ? FreePort() : options.QueuePort;
        var tablePort = options.TablePort == 0 ? FreePort() : options.TablePort;
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

        var log = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, line) => Append(log, line.Data);
        process.ErrorDataReceived += (_, line) => Append(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, log, blobPort, queuePort, tablePort);
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
            while (!await IsListeningAsync(port, cancellationToken))
            {
                if (_process.HasExited)
                {
                    throw new AzuriteStartException($"Azurite exited with code {_process.ExitCode}: {Log}");
                }

                if (deadline.Elapsed > StartTimeout)
                {
                    throw new AzuriteStartException($"Azurite did not listen on port {port} within {StartTimeout}: {Log}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Stops the emulator and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
