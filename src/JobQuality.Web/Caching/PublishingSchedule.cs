using JobQuality.Web.Content;
using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Caching;

/// <summary>
/// The next moment public pages change by the clock alone: a scheduled item goes public, a webinar
/// starts (it moves from upcoming to past) or its registration closes. Looked up once, and again
/// after content changes or that moment passes.
/// </summary>
public sealed class PublishingSchedule(TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (bool Known, DateTime? At) _next;

    public async ValueTask<DateTime?> NextPublishAtAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = _next;
        if (next.Known && (next.At is null || next.At > now))
        {
            return next.At;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var db = services.GetRequiredService<JobQualityDbContext>();
            var publish = await db.Content.AsNoTracking()
                .Where(c => c.Status != ContentStatus.Draft && c.PublishAt > now)
                .MinAsync(c => c.PublishAt, cancellationToken);
            var start = await db.Webinars.AsNoTracking()
                .Where(w => w.StartsUtc > now)
                .MinAsync(w => (DateTime?)w.StartsUtc, cancellationToken);
            var closing = await db.Webinars.AsNoTracking()
                .Where(w => w.RegistrationClosesUtc > now)
                .MinAsync(w => w.RegistrationClosesUtc, cancellationToken);
            var at = new[] { publish, start, closing }.Where(t => t is not null).Min();
            _next = (true, at);
            return at;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Changes whenever cached pages are evicted: the validator (ETag) of every public page.</summary>
    public string Version { get; private set; } = NewVersion();

    public void Forget()
    {
        _next = default;
        Version = NewVersion();
    }

    private static string NewVersion() => $"W/\"{Guid.NewGuid():N}\"";

    public void Dispose() => _gate.Dispose();
}
