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
/// the latest was changed with what it last noted (<see cref="ContentChanges"/>), and forgets its
/// copies and pages when either moved.
/// </summary>
internal sealed partial class OutsideChanges(
    ContentChanges content,
    IOptions<PageCacheOptions> options,
    ILogger<OutsideChanges> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // What the pages were rendered from: the content as it stands when the site starts.
        await content.ForgetIfChangedAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.OutsideChangesInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (await content.ForgetIfChangedAsync(stoppingToken))
            {
                LogChanged(logger);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content changed outside this instance; cached pages evicted")]
    private static partial void LogChanged(ILogger logger);
}
