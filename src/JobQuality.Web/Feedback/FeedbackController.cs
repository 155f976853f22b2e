using JobQuality.Web.Caching;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace JobQuality.Web.Feedback;

/// <summary>"Share your thoughts": a message to the Center's editors.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
[Route("feedback")]
public sealed partial class FeedbackController(JobQualityDbContext db, TimeProvider clock, ILogger<FeedbackController> logger) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new FeedbackForm());

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Index(FeedbackForm form, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(form.Website))
        {
            // A person never sees the field; a bot that fills it is told all went well and nothing is kept.
            LogHoneypot(logger);
            return RedirectToAction(nameof(Thanks));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        db.Feedback.Add(new FeedbackMessage
        {
            Topic = form.Topic!.Value,
            Message = form.Message!.Trim(),
            Name = string.IsNullOrWhiteSpace(form.Name) ? null : form.Name.Trim(),
            Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim(),
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Thanks));
    }

    [HttpGet("thanks")]
    public IActionResult Thanks() => View(new FeedbackThanks());

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback with the hidden field filled in was discarded")]
    private static partial void LogHoneypot(ILogger logger);
}
