using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Webinars;

/// <summary>
/// Seats are taken and given back only here, each with one conditional update of the webinar's
/// counter: the database, not a count read a moment earlier, decides who gets the last seat.
/// Call these inside a transaction with the registration change that goes with them.
/// </summary>
internal static class Seats
{
    public static async Task<bool> TryTakeAsync(JobQualityDbContext db, int webinarId, CancellationToken cancellationToken) =>
        await db.Webinars
            .Where(w => w.Id == webinarId && (w.Capacity == null || w.SeatsTaken < w.Capacity))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.SeatsTaken, w => w.SeatsTaken + 1), cancellationToken) == 1;

    public static Task ReleaseAsync(JobQualityDbContext db, int webinarId, CancellationToken cancellationToken) =>
        db.Webinars
            .Where(w => w.Id == webinarId && w.SeatsTaken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.SeatsTaken, w => w.SeatsTaken - 1), cancellationToken);

    /// <summary>Gives every free seat to the waitlist, first come first served; returns who got one.</summary>
    public static async Task<List<Registration>> FillFromWaitlistAsync(
        JobQualityDbContext db, int webinarId, DateTime now, CancellationToken cancellationToken)
    {
        var promoted = new List<Registration>();

        // The seat is taken first: that update holds the webinar's row, so two promotions never pick the same person.
        while (await TryTakeAsync(db, webinarId, cancellationToken))
        {
            var next = await ConfirmNextOnWaitlistAsync(db, webinarId, now, cancellationToken);
            if (next is null)
            {
                await ReleaseAsync(db, webinarId, cancellationToken);
                break;
            }

            promoted.Add(next);
        }

        return promoted;
    }

    private static async Task<Registration?> ConfirmNextOnWaitlistAsync(
        JobQualityDbContext db, int webinarId, DateTime now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await db.Registrations.AsNoTracking()
                .Where(r => r.WebinarId == webinarId && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return null;
            }

            var moved = await db.Registrations
                .Where(r => r.Id == next.Id && r.Status == RegistrationStatus.Waitlisted)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RegistrationStatus.Confirmed)
                    .SetProperty(r => r.ConfirmedAt, now), cancellationToken);
            if (moved == 1)
            {
                next.Status = RegistrationStatus.Confirmed;
                next.ConfirmedAt = now;
                return next;
            }
        }
    }
}
