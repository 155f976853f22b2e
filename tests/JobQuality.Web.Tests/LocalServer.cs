using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace JobQuality.Web.Tests;

/// <summary>A real server program from Debian's packages, started on a loopback port of its own for a test.</summary>
public abstract class LocalServer : IAsyncDisposable
{
    private Process? _process;

    protected LocalServer(int port) => Port = port;

    public int Port { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the program and waits until it accepts connections; <paramref name="package"/> is named if it cannot start.</summary>
    protected async Task StartAsync(string program, string package, params string[] arguments)
    {
        var start = new ProcessStartInfo(File.Exists($"/usr/bin/{program}") ? $"/usr/bin/{program}" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{program} did not start (is {package} installed?): {await _process.StandardError.ReadToEndAsync()}{await _process.StandardOutput.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        GC.SuppressFinalize(this);
    }
}
