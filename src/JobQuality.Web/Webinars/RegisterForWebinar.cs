using JobQuality.Web.Data;
using JobQuality.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Webinars;

/// <summary>What a visitor gave to register, already checked.</summary>
public sealed record RegistrationRequest(string Name, string Email, string? Organization, string? FieldOfPracticeSlug);

/// <summary>Where the registrant stands now; <see cref="AlreadyRegistered"/> when this email had registered before.</summary>
public sealed record RegistrationResult(int RegistrationId, RegistrationStatus Status, bool AlreadyRegistered);

/// <summary>
/// Registers a visitor: a seat if one is free, else the waitlist, and the mail that says so, all in
/// one transaction. Registering again with the same email changes nothing but sends the mail again.
/// </summary>
public sealed partial class RegisterForWebinar(
    JobQualityDbContext db,
    RegistrationMail mail,
    MailOutbox outbox,
    IOptions<RegistrationOptions> options,
    TimeProvider clock,
    ILogger<RegisterForWebinar> logger)
{
    public async Task<RegistrationResult> RegisterAsync(WebinarEvent webinar, RegistrationRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await db.InTransactionAsync(ct => RegisterOnceAsync(webinar, request, ct), cancellationToken);
                outbox.Wake();
                LogRegistered(logger, result.RegistrationId, webinar.Id, result.Status, result.AlreadyRegistered);
                return result;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // The same email registered at the same moment and the unique index refused the second
                // row; on the second try this one finds that registration and answers with it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<RegistrationResult> RegisterOnceAsync(WebinarEvent webinar, RegistrationRequest request, CancellationToken cancellationToken)
    {
        var normalized = Registration.Normalize(request.Email);
        var existing = await db.Registrations
            .Where(r => r.WebinarId == webinar.Id && r.NormalizedEmail == normalized && r.Status != RegistrationStatus.Cancelled)
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            db.OutboxMessages.Add(mail.Compose(MailFor(existing.Status), webinar, existing));
            await db.SaveChangesAsync(cancellationToken);
            return new RegistrationResult(existing.Id, existing.Status, AlreadyRegistered: true);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var seated = await Seats.TryTakeAsync(db, webinar.Id, cancellationToken);
        var registration = new Registration
        {
            WebinarId = webinar.Id,
            Name = request.Name.Trim(),
            Email = request.Email.Trim(),
            NormalizedEmail = normalized,
            Organization = string.IsNullOrWhiteSpace(request.Organization) ? null : request.Organization.Trim(),
            FieldOfPracticeSlug = request.FieldOfPracticeSlug,
            ConsentedAt = now,
            RegisteredAt = now,
            Status = seated ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
            ConfirmedAt = seated ? now : null,
            CancelToken = Registration.NewCancelToken(),

            // Registering within a day of the start, the confirmation is the reminder.
            ReminderQueuedAt = webinar.StartsUtc - now <= options.Value.ReminderLeadTime ? now : null,
        };
        db.Registrations.Add(registration);

        // The registration and its mail are saved in one go (every other writer waits while this one
        // writes); the mail points at the key the registration is about to be given.
        var answer = mail.Compose(MailFor(registration.Status), webinar, registration);
        db.OutboxMessages.Add(answer);
        db.Entry(answer).Property(m => m.RegistrationId).CurrentValue = db.Entry(registration).Property(r => r.Id).CurrentValue;
        await db.SaveChangesAsync(cancellationToken);
        if (seated)
        {
            return new RegistrationResult(registration.Id, registration.Status, AlreadyRegistered: false);
        }

        var promoted = await Seats.FillFromWaitlistAsync(db, webinar.Id, now, cancellationToken);
        foreach (var next in promoted)
        {
            if (next.Id == registration.Id)
            {
                // A seat came free between the full counter and the insert; it went to the waitlist's
                // first, this one: the mail just written says "confirmed" instead of "waitlist".
                registration.Status = RegistrationStatus.Confirmed;
                registration.ConfirmedAt = now;
                db.Entry(registration).State = EntityState.Unchanged;
                var confirmation = mail.Compose(RegistrationMailKind.Confirmation, webinar, registration);
                answer.Subject = confirmation.Subject;
                answer.TextBody = confirmation.TextBody;
                answer.CalendarAttachment = confirmation.CalendarAttachment;
            }
            else
            {
                db.OutboxMessages.Add(mail.Compose(RegistrationMailKind.Promoted, webinar, next));
            }
        }

        if (promoted.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new RegistrationResult(registration.Id, registration.Status, AlreadyRegistered: false);
    }

    private static RegistrationMailKind MailFor(RegistrationStatus status) =>
        status == RegistrationStatus.Confirmed ? RegistrationMailKind.Confirmation : RegistrationMailKind.Waitlisted;

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration {RegistrationId} for webinar {WebinarId} is {Status} (repeat: {Repeat})")]
    private static partial void LogRegistered(ILogger logger, int registrationId, int webinarId, RegistrationStatus status, bool repeat);
}
