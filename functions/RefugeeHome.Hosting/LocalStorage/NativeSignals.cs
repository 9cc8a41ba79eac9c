using System.Runtime.InteropServices;

namespace RefugeeHome.Hosting.LocalStorage;

/// <summary>Sends POSIX signals, which .NET has no managed API for.</summary>
internal static partial class NativeSignals
{
    private const int SigInt = 2;

    /// <summary>Sends SIGINT to <paramref name="processId"/>, as Ctrl+C in its terminal would; false if it could not.</summary>
    public static bool Interrupt(int processId) => Kill(processId, SigInt) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
