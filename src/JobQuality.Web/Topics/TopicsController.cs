using System.Globalization;
using JobQuality.Web.Caching;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Topics;

[OutputCache(PolicyName = PublicPageCache.Policy)]
[Route("topics")]
public sealed class TopicsController(JobQualityDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var published = db.Content.PublicAt(clock.UtcDateTime());
        var topics = await db.Dimensions.AsNoTracking().OrderBy(d => d.Position)
            .Select(d => new TopicSummary(d.Slug, d.Name, d.Description, published.Count(c => c.Dimensions.Any(x => x.Slug == d.Slug))))
            .ToListAsync(cancellationToken);
        return View(new TopicsIndex(topics));
    }

    /// <summary>How many of each kind a topic shows: its newest, with a link to the kind's listing of all of them.</summary>
    public const int NewestOfEachKind = 6;

    [HttpGet("{dimension}")]
    public async Task<IActionResult> Details(string dimension, CancellationToken cancellationToken)
    {
        var topic = await db.Dimensions.AsNoTracking().SingleOrDefaultAsync(d => d.Slug == dimension, cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }

        // A topic can hold thousands of items: the page shows the newest few of each kind, and how many there are.
        var onTopic = db.Content.PublicAt(clock.UtcDateTime()).InDimension(dimension);
        var counts = await onTopic.GroupBy(c => c.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        var kinds = ContentKinds.All.Where(counts.ContainsKey).ToList();
        List<ContentCard> cards = [];
        if (kinds.Count > 0)
        {
            var newest = kinds
                .Select(kind => onTopic.Where(c => c.Kind == kind).Newest().Take(NewestOfEachKind).Select(c => c.Id))
                .Aggregate(Queryable.Concat);
            cards = await db.Content.Where(c => newest.Contains(c.Id)).Newest().ToCardsSplitAsync(cancellationToken);
        }

        return View(new TopicPage(
            new TopicSummary(topic.Slug, topic.Name, topic.Description, counts.Values.Sum()),
            [.. kinds.Select(kind => new TopicGroup(kind, counts[kind], [.. cards.Where(c => c.Kind == kind)]))]));
    }
}

public sealed record TopicSummary(string Slug, string Name, string Description, int ItemCount);

public sealed record TopicsIndex(IReadOnlyList<TopicSummary> Topics) : IDescribedPage
{
    public PageMetadata Metadata => PageMetadata.Listing(
        "Dimensions of job quality",
        "A good job is more than its wage: the eight dimensions of job quality, and the tools, research, exemplars and webinars on each.",
        "/topics");
}

public sealed record TopicPage(TopicSummary Topic, IReadOnlyList<TopicGroup> Groups) : IDescribedPage
{
    public PageMetadata Metadata => PageMetadata.Listing(Topic.Name, Topic.Description, "/topics/" + Topic.Slug);
}

/// <summary>The newest items of one kind on a topic, and how many of that kind there are.</summary>
public sealed record TopicGroup(ContentKind Kind, int Total, IReadOnlyList<ContentCard> Items)
{
    /// <summary>The kind's listing, filtered to the topic: every item of the kind on it.</summary>
    public string ListingPath(string dimension) => $"/{Kind.Segment()}?dimension={Uri.EscapeDataString(dimension)}";

    /// <summary>How the link to all of them reads, e.g. "All 2,513 toolkit resources on Wages".</summary>
    public string AllOf(string topic) => string.Create(CultureInfo.InvariantCulture, $"All {Total:N0} {Kind.ItemsName()} on {topic}");
}
