using JobQuality.Web.Accounts;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Feedback;

/// <summary>What visitors told the Center, newest first, for the editors to read.</summary>
[Authorize(Policy = Roles.Editors)]
public sealed class FeedbackInboxController(JobQualityDbContext db) : Controller
{
    private const int PageSize = 25;

    [HttpGet("admin/feedback")]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var total = await db.Feedback.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page ?? 1, 1, pageCount);
        var messages = await db.Feedback.AsNoTracking()
            .OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(f => new FeedbackRow(f.Topic, f.Message, f.Name, f.Email, f.ReceivedAt))
            .ToListAsync(cancellationToken);
        return View("Inbox", new Paged<FeedbackRow>(messages, current, pageCount, total));
    }
}

/// <summary>One message as editors read it.</summary>
public sealed record FeedbackRow(FeedbackTopic Topic, string Message, string? Name, string? Email, DateTime ReceivedAt)
{
    public string TopicLabel => FeedbackForm.Topics.FirstOrDefault(t => t.Value == Topic).Label ?? Topic.ToString();
}
