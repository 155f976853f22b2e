namespace JobQuality.Web.Mail;

/// <summary>How mail leaves the site (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, as "Name &lt;address&gt;" or a bare address.</summary>
    public string From { get; set; } = "Job Quality Center of Excellence <webinars@jobquality.localhost>";

    /// <summary>Where each message is written as an .eml file when no SMTP host is set; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail-pickup";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the sender looks for due mail when nothing wakes it sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one sender owns a message it is sending before another may try it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the first failure; it doubles with each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));
}

/// <summary>An SMTP server to send through (section <c>Email:Smtp</c>); used when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Auto uses TLS on port 465 and STARTTLS where the server offers it.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
}

/// <summary>
/// How the connection to the SMTP server is secured. The names are MailKit's
/// <c>SecureSocketOptions</c>, which <see cref="MailDelivery"/> maps them to; the options keep an
/// enum of their own so that binding them does not load the mail client on a site that never sends
/// by SMTP.
/// </summary>
public enum SmtpSecurity
{
    /// <summary>TLS on port 465, STARTTLS wherever the server offers it, else none.</summary>
    Auto,

    /// <summary>No TLS.</summary>
    None,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>STARTTLS, and fail if the server does not offer it.</summary>
    StartTls,

    /// <summary>STARTTLS if the server offers it, else none.</summary>
    StartTlsWhenAvailable,
}
