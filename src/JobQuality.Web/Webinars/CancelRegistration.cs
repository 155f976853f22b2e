using JobQuality.Web.Data;
using JobQuality.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Webinars;

public enum CancelOutcome
{
    Cancelled,
    AlreadyCancelled,
    NotFound,
}

/// <summary>Cancels through the mailed link: the seat is freed and goes to the first on the waitlist, in one transaction.</summary>
public sealed partial class CancelRegistration(
    JobQualityDbContext db,
    RegistrationMail mail,
    MailOutbox outbox,
    TimeProvider clock,
    ILogger<CancelRegistration> logger)
{
    /// <summary>The registration a cancel link points at, for the page that asks to confirm.</summary>
    public Task<RegistrationStatus?> FindAsync(WebinarEvent webinar, string token, CancellationToken cancellationToken) =>
        db.Registrations.AsNoTracking()
            .Where(r => r.WebinarId == webinar.Id && r.CancelToken == token)
            .Select(r => (RegistrationStatus?)r.Status)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<CancelOutcome> CancelAsync(WebinarEvent webinar, string token, CancellationToken cancellationToken)
    {
        var (outcome, registrationId, promoted) = await db.InTransactionAsync(async ct =>
        {
            var registration = await db.Registrations.AsNoTracking()
                .Where(r => r.WebinarId == webinar.Id && r.CancelToken == token)
                .Select(r => new { r.Id, r.Status })
                .SingleOrDefaultAsync(ct);
            if (registration is null)
            {
                return (CancelOutcome.NotFound, 0, 0);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var changed = await db.Registrations
                .Where(r => r.Id == registration.Id && r.Status != RegistrationStatus.Cancelled)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RegistrationStatus.Cancelled)
                    .SetProperty(r => r.CancelledAt, now), ct);
            if (changed == 0)
            {
                return (CancelOutcome.AlreadyCancelled, registration.Id, 0);
            }

            if (registration.Status != RegistrationStatus.Confirmed)
            {
                return (CancelOutcome.Cancelled, registration.Id, 0);
            }

            await Seats.ReleaseAsync(db, webinar.Id, ct);
            var promoted = await Seats.FillFromWaitlistAsync(db, webinar.Id, now, ct);
            foreach (var next in promoted)
            {
                db.OutboxMessages.Add(mail.Compose(RegistrationMailKind.Promoted, webinar, next));
            }

            await db.SaveChangesAsync(ct);
            return (CancelOutcome.Cancelled, registration.Id, promoted.Count);
        }, cancellationToken);

        if (outcome == CancelOutcome.Cancelled)
        {
            outbox.Wake();
            LogCancelled(logger, registrationId, webinar.Id, promoted);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration {RegistrationId} for webinar {WebinarId} was cancelled; {Promoted} promoted from the waitlist")]
    private static partial void LogCancelled(ILogger logger, int registrationId, int webinarId, int promoted);
}
