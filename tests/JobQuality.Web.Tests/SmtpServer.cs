using MimeKit;

namespace JobQuality.Web.Tests;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) that keeps what it receives in a Maildir folder;
/// .ci/run installs it.
/// </summary>
public sealed class SmtpServer : LocalServer
{
    private SmtpServer(int port, string folder)
        : base(port) => Folder = folder;

    public string Folder { get; }

    public static async Task<SmtpServer> StartAsync(int port, string folder)
    {
        var server = new SmtpServer(port, folder);
        await server.StartAsync("python3", "python3-aiosmtpd", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", folder);
        return server;
    }

    /// <summary>The messages received so far.</summary>
    public List<MimeMessage> Messages()
    {
        var received = Path.Combine(Folder, "new");
        return Directory.Exists(received)
            ? Directory.GetFiles(received).Select(file => MimeMessage.Load(file)).ToList()
            : [];
    }
}
