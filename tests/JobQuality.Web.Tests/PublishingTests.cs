using JobQuality.Web.Content;

namespace JobQuality.Web.Tests;

public sealed class PublishingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Drafts_are_never_public_and_scheduled_items_appear_when_their_time_comes()
    {
        await site.WithDbAsync(async db =>
        {
            db.Add(new Research.ResearchPublication
            {
                Slug = "draft-report", Title = "A draft report", Summary = "Not yet.", Body = "Draft.",
                Status = ContentStatus.Draft, CreatedAt = SiteFactory.Today.UtcDateTime, UpdatedAt = SiteFactory.Today.UtcDateTime,
            });
            db.Add(new Research.ResearchPublication
            {
                Slug = "scheduled-report", Title = "A scheduled report", Summary = "Soon.", Body = "Soon.",
                Status = ContentStatus.Scheduled, PublishAt = SiteFactory.Today.UtcDateTime.AddDays(365),
                CreatedAt = SiteFactory.Today.UtcDateTime, UpdatedAt = SiteFactory.Today.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        await _client.GetPageAsync("/research/draft-report", expectedStatus: 404);
        await _client.GetPageAsync("/research/scheduled-report", expectedStatus: 404);
        Assert.DoesNotContain("/research/scheduled-report", (await _client.GetPageAsync("/research")).CardLinks());

        site.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal("A scheduled report", (await _client.GetPageAsync("/research/scheduled-report")).H1());
        await _client.GetPageAsync("/research/draft-report", expectedStatus: 404);
    }
}
