using JobQuality.Web.Data;
using JobQuality.Web.Search;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Caching;

/// <summary>
/// What this instance forgets when content changes, wherever the change was made (a save here,
/// another replica, the command line): the pages rendered from it, the next scheduled moment, and
/// the copies of the search index and of the listings it answers from.
/// </summary>
/// <remarks>
/// It also notes the content it forgot at: how many items there are and when the latest changed.
/// The watch for changes made outside (<see cref="OutsideChanges"/>) compares with that note, so a
/// change this instance already knew of is not forgotten a second time a few seconds later.
/// </remarks>
public sealed partial class ContentChanges(
    IOutputCacheStore store,
    PublishingSchedule schedule,
    SearchRanking search,
    ListedContent listings,
    IServiceScopeFactory scopes,
    ILogger<ContentChanges> logger) : IDisposable
{
    private readonly SemaphoreSlim _noting = new(1, 1);
    private Fingerprint? _seen;

    // A forget that could not note the content (the database was away): the next look forgets again.
    private bool _unsure;

    /// <summary>Forgets the copies and evicts the pages: content changed, and this instance knows it.</summary>
    public async ValueTask ForgetAsync(CancellationToken cancellationToken)
    {
        await ForgetCopiesAsync(cancellationToken);
        await EvictPagesAsync(cancellationToken);
    }

    /// <summary>Evicts every cached public page.</summary>
    public ValueTask EvictPagesAsync(CancellationToken cancellationToken) =>
        store.EvictByTagAsync(PublicPageCache.PublicTag, cancellationToken);

    /// <summary>Forgets what this instance holds in memory, but not the pages, and notes the content as it stands.</summary>
    public async ValueTask ForgetCopiesAsync(CancellationToken cancellationToken)
    {
        await _noting.WaitAsync(cancellationToken);
        try
        {
            // Noted before forgetting: whatever is committed after the note shows as a change later.
            var now = await FingerprintAsync(cancellationToken);
            _unsure = now is null;
            _seen = now ?? _seen;
            ForgetCopies();
        }
        finally
        {
            _noting.Release();
        }
    }

    /// <summary>
    /// Forgets the copies and evicts the pages if the content changed since it was last noted, by
    /// a change this instance did not hear of; the first look only notes it. Returns whether it forgot.
    /// </summary>
    public async ValueTask<bool> ForgetIfChangedAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        await _noting.WaitAsync(cancellationToken);
        try
        {
            if (await FingerprintAsync(cancellationToken) is not { } now)
            {
                return false;
            }

            changed = _unsure || (_seen is { } before && before != now);
            _seen = now;
            _unsure = false;
            if (changed)
            {
                ForgetCopies();
                await EvictPagesAsync(cancellationToken);
            }
        }
        finally
        {
            _noting.Release();
        }

        return changed;
    }

    public void Dispose() => _noting.Dispose();

    private void ForgetCopies()
    {
        schedule.Forget();
        search.Forget();
        listings.Forget();
    }

    /// <summary>How many items there are and when the latest changed; null while the database is away.</summary>
    private async Task<Fingerprint?> FingerprintAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JobQualityDbContext>();
            return new Fingerprint(
                await db.Content.CountAsync(cancellationToken),
                await db.Content.MaxAsync(c => (DateTime?)c.UpdatedAt, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotNoted(logger, ex);
            return null;
        }
    }

    private readonly record struct Fingerprint(int Items, DateTime? Latest);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not look at the content; the next look compares again")]
    private static partial void LogNotNoted(ILogger logger, Exception exception);
}
