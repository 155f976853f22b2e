using JobQuality.Web.Search;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.OutputCaching;

namespace JobQuality.Web.Caching;

/// <summary>
/// What this instance forgets when content changes, wherever the change was made (a save here,
/// another replica, the command line): the pages rendered from it, the next scheduled moment, and
/// the copies of the search index and of the listings it answers from.
/// </summary>
public sealed class ContentChanges(IOutputCacheStore store, PublishingSchedule schedule, SearchRanking search, ListedContent listings)
{
    public async ValueTask ForgetAsync(CancellationToken cancellationToken)
    {
        ForgetCopies();
        await EvictPagesAsync(cancellationToken);
    }

    /// <summary>Evicts every cached public page.</summary>
    public ValueTask EvictPagesAsync(CancellationToken cancellationToken) =>
        store.EvictByTagAsync(PublicPageCache.PublicTag, cancellationToken);

    /// <summary>Forgets what this instance holds in memory, but not the pages.</summary>
    public void ForgetCopies()
    {
        schedule.Forget();
        search.Forget();
        listings.Forget();
    }
}
