using JobQuality.Web.Content;
using JobQuality.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace JobQuality.Web.Shared;

/// <summary>The "Related" panel of every detail page: one query, the same for every kind.</summary>
public sealed class RelatedContentViewComponent(JobQualityDbContext db, TimeProvider clock) : ViewComponent
{
    public const int Count = 6;

    public async Task<IViewComponentResult> InvokeAsync(ContentPage page)
    {
        if (page.Dimensions.Count == 0)
        {
            return Content(string.Empty);
        }

        var dimensions = page.Dimensions.Select(d => d.Slug).ToList();
        var cards = await db.Content.PublicAt(clock.UtcDateTime())
            .RelatedTo(page.Kind, dimensions, Count)
            .ToCardsAsync(HttpContext.RequestAborted);
        return View(cards);
    }
}
