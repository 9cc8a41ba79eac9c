using System.Diagnostics;
using System.Text;

namespace RefugeeHome.Hosting.LocalStorage;

/// <summary>Everything a child process writes to standard output and error, kept to explain a failure.</summary>
public sealed class CapturedOutput
{
    private readonly StringBuilder _text = new();

    /// <summary>Starts reading both streams of <paramref name="process"/>, which must redirect them.</summary>
    public static CapturedOutput Of(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var output = new CapturedOutput();
        process.OutputDataReceived += (_, line) => output.Append(line.Data);
        process.ErrorDataReceived += (_, line) => output.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
