using System.Linq.Expressions;
using System.Text;
using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JobQuality.Web.Mail;

/// <summary>
/// Sends the outbox. Several instances of the site may share one database: each message is claimed
/// with one conditional update before it is sent, so only one sender ever holds it. A failure puts
/// the message back with a later time; nothing is dropped.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    MailOutbox outbox,
    MailDelivery delivery,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private const int ErrorMaxLength = 1000;

    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                    // A full batch may mean more are due; look again before waiting.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database itself failed; the messages are still there for the next round.
                LogRoundFailed(logger, ex);
            }

            await outbox.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>Sends what is due now; returns how many messages this instance tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobQualityDbContext>();
        var due = await db.OutboxMessages
            .Where(DueAt(Now()))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var tried = 0;
        foreach (var id in due)
        {
            var claimed = await ClaimAsync(db, id, cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            tried++;
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            await SendAsync(db, message, cancellationToken);
        }

        return tried;
    }

    /// <summary>
    /// Claims one message for this instance: a single short write, taken in turn with the site's
    /// other writers (registrations among them), never held while the mail is being sent.
    /// </summary>
    private async Task<int> ClaimAsync(JobQualityDbContext db, long id, CancellationToken cancellationToken)
    {
        using var turn = await db.Database.WaitForWriteTurnAsync(cancellationToken);
        var now = Now();
        var lockedUntil = now + options.Value.Lease;
        return await db.OutboxMessages
            .Where(m => m.Id == id)
            .Where(DueAt(now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedUntil, lockedUntil)
                .SetProperty(m => m.LockedBy, _instance), cancellationToken);
    }

    private async Task SendAsync(JobQualityDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        try
        {
            await delivery.DeliverAsync(Compose(message), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var next = Now() + options.Value.RetryDelay(attempts);
            var error = ex.Message.Length > ErrorMaxLength ? ex.Message[..ErrorMaxLength] : ex.Message;
            using (await db.Database.WaitForWriteTurnAsync(CancellationToken.None))
            {
                await db.OutboxMessages.Where(m => m.Id == message.Id && m.LockedBy == _instance)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.NextAttemptAt, next)
                        .SetProperty(m => m.LastError, error)
                        .SetProperty(m => m.LockedUntil, (DateTime?)null)
                        .SetProperty(m => m.LockedBy, (string?)null), CancellationToken.None);
            }

            // The exception's message may quote the recipient; its type says enough for the log.
            LogDeferred(logger, message.Id, attempts, next, ex.GetType().Name);
            return;
        }

        var sentAt = Now();
        using (await db.Database.WaitForWriteTurnAsync(CancellationToken.None))
        {
            await db.OutboxMessages.Where(m => m.Id == message.Id && m.LockedBy == _instance)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
        }

        LogSent(logger, message.Id, message.RegistrationId, attempts);
    }

    private MimeMessage Compose(OutboxMessage message)
    {
        var from = MailboxAddress.Parse(options.Value.From);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = new DateTimeOffset(message.CreatedAt, TimeSpan.Zero),

            // One identity per outbox row, so that a receiver can tell a retry from a second mail.
            MessageId = $"outbox-{message.Id}-{message.CreatedAt.Ticks}@{from.Domain}",
        };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.RecipientName ?? string.Empty, message.Recipient));

        var body = new BodyBuilder { TextBody = message.TextBody };
        if (message.CalendarAttachment is not null)
        {
            body.Attachments.Add("webinar.ics", Encoding.UTF8.GetBytes(message.CalendarAttachment),
                ContentType.Parse("text/calendar; method=PUBLISH; charset=utf-8"));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static Expression<Func<OutboxMessage, bool>> DueAt(DateTime now) =>
        m => m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil <= now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent mail {MessageId} (registration {RegistrationId}) on attempt {Attempts}")]
    private static partial void LogSent(ILogger logger, long messageId, int? registrationId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} failed on attempt {Attempts} ({ErrorType}); it stays queued until {NextAttemptAt:o}")]
    private static partial void LogDeferred(ILogger logger, long messageId, int attempts, DateTime nextAttemptAt, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail sender could not read the outbox; it will try again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
