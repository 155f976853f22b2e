using System.Globalization;
using System.Text;
using JobQuality.Web.Mail;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Webinars;

/// <summary>The mails a registrant receives, written into the outbox.</summary>
public enum RegistrationMailKind
{
    Confirmation,
    Waitlisted,
    Promoted,
    Reminder,
}

/// <summary>Writes the registrant's mails: the words, the cancel link and the calendar file.</summary>
public sealed class RegistrationMail(IOptions<SiteOptions> site, TimeProvider clock)
{
    public Uri CancelLink(WebinarEvent webinar, string token) => site.Value.Link($"{webinar.Path}/cancel/{token}");

    public OutboxMessage Compose(RegistrationMailKind kind, WebinarEvent webinar, Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration.Email);
        var page = site.Value.Link(webinar.Path);
        var cancel = registration.CancelToken is { } token ? CancelLink(webinar, token) : null;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Dear {registration.Name},\n\n");
        var (subject, opening, attachCalendar) = kind switch
        {
            RegistrationMailKind.Confirmation => (
                $"You are registered: {webinar.Title}",
                $"Thank you for registering. Your seat at \"{webinar.Title}\" is confirmed.",
                true),
            RegistrationMailKind.Waitlisted => (
                $"You are on the waitlist: {webinar.Title}",
                $"Every seat at \"{webinar.Title}\" is taken, so we have put you on the waitlist. " +
                "When a seat becomes free it goes to the next person on the list, and we will write to you at once.",
                false),
            RegistrationMailKind.Promoted => (
                $"A seat is yours: {webinar.Title}",
                $"A seat at \"{webinar.Title}\" has become free, and it is yours: your registration is confirmed.",
                true),
            RegistrationMailKind.Reminder => (
                $"Reminder: {webinar.Title}",
                $"A reminder that \"{webinar.Title}\" starts in less than a day.",
                true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        text.Append(opening).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"When: {webinar.When}\n");
        text.Append(CultureInfo.InvariantCulture, $"Length: {webinar.DurationMinutes} minutes\n");
        text.Append(CultureInfo.InvariantCulture, $"Details: {page}\n\n");
        if (attachCalendar)
        {
            text.Append("The attached calendar file adds the webinar to your calendar.\n\n");
        }

        if (cancel is not null)
        {
            text.Append(kind == RegistrationMailKind.Waitlisted
                ? "If you no longer wish to attend, you can leave the waitlist here:\n"
                : "If you can no longer attend, please cancel so that someone on the waitlist can have your seat:\n");
            text.Append(CultureInfo.InvariantCulture, $"{cancel}\n\n");
        }

        text.Append("Job Quality Center of Excellence\n");

        var now = clock.GetUtcNow().UtcDateTime;
        return new OutboxMessage
        {
            RegistrationId = registration.Id,
            Recipient = registration.Email,
            RecipientName = registration.Name,
            Subject = subject,
            TextBody = text.ToString(),
            CalendarAttachment = attachCalendar ? WebinarCalendar.Write(webinar, new Uri(site.Value.Root + "/")) : null,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
