using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace JobQuality.Web.Tests;

/// <summary>
/// The site's assembly started as its own process on a test database, as an operator runs it, and
/// stopped as a container is stopped (SIGTERM). Its console output is kept line by line.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _awaited = [];

    private SiteProcess(Process process, int port)
    {
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Every line written to standard output so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Every line written to standard error so far.</summary>
    public string Errors => string.Join('\n', _errors);

    public static SiteProcess Start(TestDatabase database, IReadOnlyDictionary<string, string> environment)
    {
        var port = LocalServer.FreePort();
        var start = StartInfo(database, "--urls", $"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Content__Path"] = Repository.ContentPath;
        start.Environment["Serilog__MinimumLevel__Default"] = "Information";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var site = new SiteProcess(process, port);
        process.OutputDataReceived += (_, line) => site.Received(line.Data, site._output);
        process.ErrorDataReceived += (_, line) => site.Received(line.Data, site._errors);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return site;
    }

    /// <summary>The site's assembly run with <paramref name="arguments"/> on <paramref name="database"/>, its output redirected.</summary>
    public static ProcessStartInfo StartInfo(TestDatabase database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in database.EnvironmentVariables)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JobQuality.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Waits until the site writes a line that contains <paramref name="text"/>.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_awaited)
        {
            _awaited.Add((line => line.Contains(text, StringComparison.Ordinal), seen));
        }

        if (_output.Concat(_errors).Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            seen.TrySetResult();
        }

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout));
        Assert.True(first == seen.Task,
            first == exited ? $"The site stopped before writing \"{text}\": {Errors}" : $"The site did not write \"{text}\" within {timeout}.");
    }

    /// <summary>Sends SIGTERM, as a container runtime does, and returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var stop = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await stop.WaitForExitAsync();
        }

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail("The site did not stop within 30 seconds of SIGTERM.");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Received(string? line, ConcurrentQueue<string> into)
    {
        if (line is null)
        {
            return;
        }

        into.Enqueue(line);
        lock (_awaited)
        {
            foreach (var (matches, seen) in _awaited.Where(a => a.Matches(line)))
            {
                seen.TrySetResult();
            }
        }
    }
}
