using JobQuality.Web.Data;
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
    ContentChanges content,
    IOptions<PageCacheOptions> options,
    ILogger<OutsideChanges> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // What the pages were rendered from: the content as it stands when the site starts.
        var seen = await FingerprintAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.OutsideChangesInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = await FingerprintAsync(stoppingToken);
            if (now is null)
            {
                continue;
            }

            if (seen is { } before && before != now)
            {
                LogChanged(logger);
                await content.ForgetAsync(stoppingToken);
            }

            seen = now;
        }
    }

    /// <summary>How many items there are and when the latest changed; null while the database is away.</summary>
    private async Task<(int Items, DateTime? Latest)?> FingerprintAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JobQualityDbContext>();
            return (await db.Content.CountAsync(cancellationToken), await db.Content.MaxAsync(c => (DateTime?)c.UpdatedAt, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away for a moment; look again at the next tick.
            LogFailed(logger, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content changed outside this instance; cached pages evicted")]
    private static partial void LogChanged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not look for content changed outside this instance")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
