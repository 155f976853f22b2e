using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Webinars;

/// <summary>What an erasure did.</summary>
public sealed record ErasureResult(int Webinars, int Registrations, DateTime EndedBefore);

/// <summary>
/// Erases the personal data of registrations for webinars that ended more than
/// <see cref="RegistrationOptions.RetentionDays"/> ago. The rows stay, with their status and
/// times, so the counts remain; their mails leave the outbox.
/// </summary>
public sealed partial class RegistrationEraser(
    JobQualityDbContext db,
    IOptions<RegistrationOptions> options,
    TimeProvider clock,
    ILogger<RegistrationEraser> logger)
{
    /// <summary>Erases for every webinar past the retention period.</summary>
    public Task<ErasureResult> EraseEndedAsync(CancellationToken cancellationToken) => EraseAsync(null, cancellationToken);

    /// <summary>Erases for one webinar, if it is past the retention period; otherwise erases nothing.</summary>
    public Task<ErasureResult> EraseEndedAsync(int webinarId, CancellationToken cancellationToken) => EraseAsync(webinarId, cancellationToken);

    /// <summary>The last moment a webinar may have ended for its registrants' personal data to be erased now.</summary>
    public DateTime ErasableIfEndedBefore => clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);

    private async Task<ErasureResult> EraseAsync(int? onlyWebinarId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var endedBefore = now.AddDays(-options.Value.RetentionDays);

        // An end is a start plus a length, which not every provider can add in SQL; webinars are few.
        var webinarIds = (await db.Webinars.AsNoTracking()
                .Where(w => w.StartsUtc < endedBefore)
                .Where(w => onlyWebinarId == null || w.Id == onlyWebinarId)
                .Select(w => new { w.Id, w.StartsUtc, w.DurationMinutes })
                .ToListAsync(cancellationToken))
            .Where(w => w.StartsUtc.AddMinutes(w.DurationMinutes) < endedBefore)
            .Select(w => w.Id)
            .ToList();

        var erased = await db.InTransactionAsync(async ct =>
        {
            var registrations = db.Registrations.Where(r => webinarIds.Contains(r.WebinarId) && r.ErasedAt == null);
            await db.OutboxMessages
                .Where(m => registrations.Any(r => r.Id == m.RegistrationId))
                .ExecuteDeleteAsync(ct);
            return await registrations.ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Name, (string?)null)
                .SetProperty(r => r.Email, (string?)null)
                .SetProperty(r => r.NormalizedEmail, (string?)null)
                .SetProperty(r => r.Organization, (string?)null)
                .SetProperty(r => r.CancelToken, (string?)null)
                .SetProperty(r => r.ErasedAt, now), ct);
        }, cancellationToken);

        LogErased(logger, erased, webinarIds.Count, endedBefore);
        return new ErasureResult(webinarIds.Count, erased, endedBefore);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the personal data of {Registrations} registration(s) for {Webinars} webinar(s) that ended before {EndedBefore:o}")]
    private static partial void LogErased(ILogger logger, int registrations, int webinars, DateTime endedBefore);
}
