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

    [HttpGet("{dimension}")]
    public async Task<IActionResult> Details(string dimension, CancellationToken cancellationToken)
    {
        var topic = await db.Dimensions.AsNoTracking().SingleOrDefaultAsync(d => d.Slug == dimension, cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }

        var cards = await db.Content.PublicAt(clock.UtcDateTime()).InDimension(dimension).Newest().ToCardsSplitAsync(cancellationToken);
        return View(new TopicPage(
            new TopicSummary(topic.Slug, topic.Name, topic.Description, cards.Count),
            ContentKinds.All.Select(k => new TopicGroup(k, cards.Where(c => c.Kind == k).ToList())).Where(g => g.Items.Count > 0).ToList()));
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

public sealed record TopicGroup(ContentKind Kind, IReadOnlyList<ContentCard> Items);
