namespace JobQuality.Web.Mail;

/// <summary>
/// A mail waiting to go out, or gone. It is written in the same transaction as the change it tells
/// of, so a registration never exists without its mail, and a mail server that is down only delays it.
/// </summary>
public sealed class OutboxMessage
{
    public const int SubjectMaxLength = 300;

    public long Id { get; set; }

    /// <summary>The registration the mail is about, so that erasing its personal data removes the mail too.</summary>
    public int? RegistrationId { get; set; }

    public required string Recipient { get; set; }

    public string? RecipientName { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    /// <summary>An iCalendar file sent along as webinar.ics, if any.</summary>
    public string? CalendarAttachment { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Not before this time: the first attempt is at once, each failure pushes it further away.</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>While set and ahead, one sender owns the message; others leave it alone.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LockedBy { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }
}
