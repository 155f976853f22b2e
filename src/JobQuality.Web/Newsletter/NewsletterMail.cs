using System.Globalization;
using System.Text;
using JobQuality.Web.Mail;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Newsletter;

/// <summary>Writes newsletter mails into the outbox; every one ends with the subscriber's unsubscribe link.</summary>
public sealed class NewsletterMail(IOptions<SiteOptions> site, TimeProvider clock)
{
    public Uri ConfirmLink(string token) => site.Value.Link($"/newsletter/confirm/{token}");

    public Uri UnsubscribeLink(string token) => site.Value.Link($"/newsletter/unsubscribe/{token}");

    /// <summary>The double opt-in: nothing else is sent until the link in this mail is followed.</summary>
    public OutboxMessage Confirmation(Subscriber subscriber) => Compose(subscriber,
        "Please confirm your newsletter subscription",
        "Someone, we hope you, asked to receive the Job Quality Center of Excellence newsletter at this address.\n\n" +
        "To start receiving it, confirm here:\n" +
        $"{ConfirmLink(subscriber.Token)}\n\n" +
        "If you did not ask for it, ignore this mail and you will hear nothing more from us.");

    /// <summary>Any newsletter mail: the text, then the unsubscribe link.</summary>
    public OutboxMessage Compose(Subscriber subscriber, string subject, string text)
    {
        var body = new StringBuilder();
        body.Append(text.TrimEnd()).Append("\n\n");
        body.Append("Job Quality Center of Excellence\n\n");
        body.Append(CultureInfo.InvariantCulture, $"To stop receiving the newsletter, unsubscribe here:\n{UnsubscribeLink(subscriber.Token)}\n");

        var now = clock.GetUtcNow().UtcDateTime;
        return new OutboxMessage
        {
            Recipient = subscriber.Email,
            Subject = subject,
            TextBody = body.ToString(),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
