using JobQuality.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Caching;

/// <summary>How the page cache notices changes saved outside the site (section <c>PageCache</c>).</summary>
public sealed class PageCacheOptions
{
    public const string Section = "PageCache";

    /// <summary>How often the site looks for content changed by the command line or another instance.</summary>
    public TimeSpan OutsideChangesInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Saves made through the site evict its cached pages at once. Content can also change from
/// outside: an <c>import</c> on the command line, or another instance of the site that shares the
/// database but no Redis. Every few seconds the site compares how many items there are and when
/// the latest was changed, and evicts its pages when either moved.
/// </summary>
internal sealed partial class OutsideChanges(
    IServiceScopeFactory scopes,
    IOutputCacheStore store,
    PublishingSchedule schedule,
    IOptions<PageCacheOptions> options,
    ILogger<OutsideChanges> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        (int Items, DateTime? Latest)? seen = null;
        using var timer = new PeriodicTimer(options.Value.OutsideChangesInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JobQualityDbContext>();
                var now = (
                    await db.Content.CountAsync(stoppingToken),
                    await db.Content.MaxAsync(c => (DateTime?)c.UpdatedAt, stoppingToken));
                if (seen is { } before && before != now)
                {
                    LogChanged(logger);
                    schedule.Forget();
                    await store.EvictByTagAsync(PublicPageCache.PublicTag, stoppingToken);
                }

                seen = now;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away for a moment; look again at the next tick.
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content changed outside this instance; cached pages evicted")]
    private static partial void LogChanged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not look for content changed outside this instance")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
