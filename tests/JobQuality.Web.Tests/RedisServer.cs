using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace JobQuality.Web.Tests;

/// <summary>A real Redis (Debian's redis-server) on a port of its own, keeping nothing on disk; .ci/run installs it.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The value of <c>ConnectionStrings:Redis</c> that reaches this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static Task<RedisServer> StartAsync() => StartAsync(SmtpServer.FreePort());

    /// <summary>Starts a server on <paramref name="port"/>: a new one, or one that comes back after <see cref="DisposeAsync"/>.</summary>
    public static async Task<RedisServer> StartAsync(int port)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new RedisServer(process, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Redis did not start (is redis-server installed?): {await process.StandardOutput.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
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
}
