using JobQuality.Web.Search;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.OutputCaching;

namespace JobQuality.Web.Caching;

/// <summary>
/// Public pages are rendered once and served from the output cache until content changes. Editors
/// (signed in) always see fresh pages; a change evicts every page it could appear on.
/// </summary>
public static class PublicPageCache
{
    /// <summary>The policy public pages carry.</summary>
    public const string Policy = "public-page";

    /// <summary>Every cached public page: evicted whenever any content changes.</summary>
    public const string PublicTag = "public";

    /// <summary>Webinar pages, which also show seats: evicted whenever a registration changes.</summary>
    public const string WebinarTag = "webinar-pages";

    /// <summary>The query parameters that change what a public page shows; any other is ignored.</summary>
    private static readonly string[] VaryingQuery = ["dimension", "audience", "type", "field", "year", "page", "q", "kind"];

    public static IHostApplicationBuilder AddPublicPageCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            // The cache holds what is most asked for, not every page ever asked for (each search is a
            // page of its own): a bound on memory; a page that is pushed out is rendered again when asked.
            options.SizeLimit = 32 * 1024 * 1024;
            options.AddPolicy(Policy, policy => policy
                .SetVaryByQuery(VaryingQuery)
                .AddPolicy<UntilNextScheduledItem>()
                .AddPolicy<StoredWhenAskedAgain>()
                .Tag(PublicTag));
        });
        builder.Services.AddSingleton<AskedAddresses>();
        builder.Services.AddSingleton<PublishingSchedule>();
        builder.Services.AddSingleton<SearchRanking>();
        builder.Services.AddSingleton<ListedContent>();
        builder.Services.AddSingleton<ContentChanges>();
        builder.Services.AddSingleton<CacheEviction>();
        builder.Services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section);
        builder.Services.AddHostedService<OutsideChanges>();
        return builder;
    }
}

/// <summary>
/// Caps how long a page is kept: never past the moment the next scheduled item becomes public, so
/// it appears on time without anyone saving anything.
/// </summary>
internal sealed class UntilNextScheduledItem(PublishingSchedule schedule, TimeProvider clock) : IOutputCachePolicy
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) =>
        StampAsync(context, schedule, clock, cancellation);

    /// <summary>Gives a page the schedule's version as its validator, and keeps it no longer than the next scheduled moment.</summary>
    internal static async ValueTask StampAsync(OutputCacheContext context, PublishingSchedule schedule, TimeProvider clock, CancellationToken cancellation)
    {
        var next = await schedule.NextPublishAtAsync(context.HttpContext.RequestServices, cancellation);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = next is { } at && at > now ? at - now : Longest;
        context.ResponseExpirationTimeSpan = until < Longest ? until : Longest;

        // The cache answers If-None-Match with 304 while the page it holds is still current.
        context.HttpContext.Response.Headers.ETag = schedule.Version;
        if (context.ResponseExpirationTimeSpan <= TimeSpan.Zero)
        {
            context.AllowCacheStorage = false;
        }
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
