using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace JobQuality.Web.Tests;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) that keeps what it receives in a Maildir folder;
/// .ci/run installs it.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpServer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SmtpServer> StartAsync(int port, string folder)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", folder })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new SmtpServer(process, port, folder);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The SMTP server did not start (is python3-aiosmtpd installed?): {await process.StandardError.ReadToEndAsync()}");
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

    /// <summary>The messages received so far.</summary>
    public List<MimeMessage> Messages()
    {
        var received = Path.Combine(Folder, "new");
        return Directory.Exists(received)
            ? Directory.GetFiles(received).Select(file => MimeMessage.Load(file)).ToList()
            : [];
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
