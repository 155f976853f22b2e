using JobQuality.Web.Search;
using Microsoft.AspNetCore.OutputCaching;

namespace JobQuality.Web.Caching;

/// <summary>
/// What this instance forgets when content changes, wherever the change was made (a save here,
/// another replica, the command line): the pages rendered from it, the next scheduled moment, and
/// the copy of the search index it ranks from.
/// </summary>
public sealed class ContentChanges(IOutputCacheStore store, PublishingSchedule schedule, SearchRanking search)
{
    public async ValueTask ForgetAsync(CancellationToken cancellationToken)
    {
        schedule.Forget();
        search.Forget();
        await store.EvictByTagAsync(PublicPageCache.PublicTag, cancellationToken);
    }
}
