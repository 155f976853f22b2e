using JobQuality.Web.Data;
using JobQuality.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Webinars;

/// <summary>
/// Changes a webinar's seats. Raising them (or removing the limit) confirms people from the
/// waitlist in the order they joined it and mails them; lowering them never takes a seat away.
/// </summary>
public sealed partial class WebinarCapacity(
    JobQualityDbContext db,
    RegistrationMail mail,
    MailOutbox outbox,
    TimeProvider clock,
    ILogger<WebinarCapacity> logger)
{
    /// <summary>Sets the capacity (null: unlimited); returns how many were confirmed from the waitlist.</summary>
    public async Task<int> ChangeAsync(int webinarId, int? capacity, CancellationToken cancellationToken)
    {
        if (capacity is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A webinar has at least one seat.");
        }

        var promoted = await db.InTransactionAsync(async ct =>
        {
            var webinar = await db.Webinars.AsNoTracking().Where(w => w.Id == webinarId)
                .Select(WebinarEvent.Projection).SingleAsync(ct);
            await db.Webinars.Where(w => w.Id == webinarId)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Capacity, capacity), ct);
            var confirmed = await Seats.FillFromWaitlistAsync(db, webinarId, clock.GetUtcNow().UtcDateTime, ct);
            foreach (var registration in confirmed)
            {
                db.OutboxMessages.Add(mail.Compose(RegistrationMailKind.Promoted, webinar, registration));
            }

            await db.SaveChangesAsync(ct);
            return confirmed.Count;
        }, cancellationToken);

        outbox.Wake();
        LogCapacityChanged(logger, webinarId, capacity, promoted);
        return promoted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webinar {WebinarId} now has capacity {Capacity}; {Promoted} confirmed from the waitlist")]
    private static partial void LogCapacityChanged(ILogger logger, int webinarId, int? capacity, int promoted);
}
