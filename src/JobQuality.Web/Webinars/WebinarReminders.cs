using JobQuality.Web.Data;
using JobQuality.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Webinars;

/// <summary>
/// Queues the reminder a day before each webinar, once per confirmed registration: the mark on the
/// registration is set by a conditional update in the mail's own transaction, so that several
/// instances of the site running this job never queue it twice.
/// </summary>
public sealed partial class WebinarReminders(
    IServiceScopeFactory scopes,
    MailOutbox outbox,
    IOptions<RegistrationOptions> options,
    TimeProvider clock,
    ILogger<WebinarReminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await QueueDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(logger, ex);
            }

            await Task.Delay(options.Value.ReminderInterval, clock, stoppingToken);
        }
    }

    /// <summary>Queues the reminders now due; returns how many.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobQualityDbContext>();
        var mail = scope.ServiceProvider.GetRequiredService<RegistrationMail>();
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + options.Value.ReminderLeadTime;

        var webinars = await db.Webinars.AsNoTracking()
            .Where(w => w.StartsUtc > now && w.StartsUtc <= horizon)
            .Select(WebinarEvent.Projection)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var webinar in webinars)
        {
            var due = await db.Registrations.AsNoTracking()
                .Where(r => r.WebinarId == webinar.Id && r.Status == RegistrationStatus.Confirmed
                    && r.ReminderQueuedAt == null && r.ErasedAt == null)
                .Select(r => r.Id)
                .ToListAsync(cancellationToken);
            foreach (var id in due)
            {
                var marked = await db.InTransactionAsync(async ct =>
                {
                    var claimed = await db.Registrations
                        .Where(r => r.Id == id && r.ReminderQueuedAt == null && r.Status == RegistrationStatus.Confirmed)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderQueuedAt, now), ct);
                    if (claimed == 0)
                    {
                        return false;
                    }

                    var registration = await db.Registrations.AsNoTracking().SingleAsync(r => r.Id == id, ct);
                    db.OutboxMessages.Add(mail.Compose(RegistrationMailKind.Reminder, webinar, registration));
                    await db.SaveChangesAsync(ct);
                    return true;
                }, cancellationToken);
                queued += marked ? 1 : 0;
            }
        }

        if (queued > 0)
        {
            outbox.Wake();
            LogQueued(logger, queued);
        }

        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} webinar reminder(s)")]
    private static partial void LogQueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder job failed; it will try again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
