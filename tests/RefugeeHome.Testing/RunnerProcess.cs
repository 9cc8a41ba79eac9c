using System.Diagnostics;
using System.Globalization;
using RefugeeHome.Hosting.LocalStorage;

namespace RefugeeHome.Testing;

/// <summary>
/// The local runner as a real child process, started the way README's run command starts it, with settings passed as
/// environment variables. The test project must reference the runner project so its build output sits beside the tests.
/// </summary>
public sealed class RunnerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly CapturedOutput _output;

    private RunnerProcess(Process process, int port)
    {
        _process = process;
        _output = CapturedOutput.Of(process);
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>The loopback port the runner listens on.</summary>
    public int Port { get; }

    /// <summary>Where the runner answers.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Everything the runner printed so far.</summary>
    public string Output => _output.ToString();

    /// <summary>The runner's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Exit code of an ended process.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Request limits high enough for one client to play every household of a test.</summary>
    public static IReadOnlyDictionary<string, string> OneClientForMany { get; } = new Dictionary<string, string>
    {
        ["Limits__RegistrationsPerClient"] = "100000",
        ["Limits__PostsPerClientPerMinute"] = "100000",
        ["Limits__PagesPerClientPerMinute"] = "100000",
    };

    /// <summary>
    /// Starts the runner with <paramref name="settings"/> and waits until <c>/health</c> answers; on a free port unless
    /// <c>Runner__Port</c> names one, as a runner started again where its links point must.
    /// </summary>
    public static async Task<RunnerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = settings.TryGetValue("Runner__Port", out var given) ? int.Parse(given, CultureInfo.InvariantCulture) : LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "RefugeeHome.Runner.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["Runner__Port"] = port.ToString(CultureInfo.InvariantCulture) },
        };

        // A test or load driver is one client sending what many people would; a test of the limits gives its own.
        foreach (var (name, value) in OneClientForMany)
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The runner did not start.");
        var runner = new RunnerProcess(process, port);
        await runner.WaitUntilAnsweringAsync(cancellationToken);
        return runner;
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does, and waits for the process to end; if it does not, says what it printed.</summary>
    public async Task InterruptAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"The runner did not stop within {timeout} of Ctrl+C:\n{Output}", exception);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The runner exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }
}
