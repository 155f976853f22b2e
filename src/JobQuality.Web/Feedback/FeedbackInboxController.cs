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
        var messages = await db.Feedback.AsNoTracking()
            .OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
            .Select(f => new FeedbackRow(f.Topic, f.Message, f.Name, f.Email, f.ReceivedAt))
            .ToPageAsync(page, PageSize, cancellationToken);
        return View("Inbox", messages);
    }
}

/// <summary>One message as editors read it.</summary>
public sealed record FeedbackRow(FeedbackTopic Topic, string Message, string? Name, string? Email, DateTime ReceivedAt)
{
    public string TopicLabel => FeedbackForm.Topics.FirstOrDefault(t => t.Value == Topic).Label ?? Topic.ToString();
}
