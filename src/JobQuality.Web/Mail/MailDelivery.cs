using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JobQuality.Web.Mail;

/// <summary>Hands a message over: to the SMTP server if one is configured, else as an .eml file in the pickup folder.</summary>
public sealed class MailDelivery(IOptions<EmailOptions> options, IHostEnvironment environment)
{
    public string PickupDirectory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (!string.IsNullOrWhiteSpace(smtp.Host))
        {
            using var client = new SmtpClient { Timeout = 30_000 };
            await client.ConnectAsync(smtp.Host, smtp.Port, ToMailKit(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return;
        }

        var folder = PickupDirectory;
        Directory.CreateDirectory(folder);
        var name = $"{Guid.NewGuid():N}.eml";

        // Written aside and then moved, so that whoever reads the folder never sees half a message.
        var partial = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(folder, name));
    }

    internal static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.Auto,
    };
}
