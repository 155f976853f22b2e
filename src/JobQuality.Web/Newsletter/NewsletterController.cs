using JobQuality.Web.Data;
using JobQuality.Web.Mail;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Newsletter;

/// <summary>
/// Signing up (double opt-in), confirming and unsubscribing. The mailed links open pages with a
/// button; only the button's POST changes anything, so a mail scanner following links does no harm.
/// </summary>
[Route("newsletter")]
public sealed partial class NewsletterController(
    JobQualityDbContext db,
    NewsletterMail mail,
    MailOutbox outbox,
    TimeProvider clock,
    ILogger<NewsletterController> logger) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new NewsletterSignUp());

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Index(NewsletterSignUp form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        var email = form.Email!.Trim();
        try
        {
            await SignUpAsync(email, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same address signed up at the same moment and the unique index kept one row; this
            // try finds that row and carries on as for a second sign-up.
            db.ChangeTracker.Clear();
            await SignUpAsync(email, cancellationToken);
        }

        outbox.Wake();
        return RedirectToAction(nameof(Thanks));
    }

    [HttpGet("thanks")]
    public IActionResult Thanks() => View("Message", new NewsletterPage("Check your inbox",
        "Thank you. We have sent you an email with a link: follow it to confirm your subscription. " +
        "If it has not arrived in a few minutes, look in your spam folder."));

    [HttpGet("confirm/{token}")]
    public async Task<IActionResult> Confirm(string token, CancellationToken cancellationToken)
    {
        var confirmedAt = await db.Subscribers.AsNoTracking().Where(s => s.Token == token)
            .Select(s => new { s.ConfirmedAt }).SingleOrDefaultAsync(cancellationToken);
        if (confirmedAt is null)
        {
            return UnknownLink();
        }

        return View("Message", confirmedAt.ConfirmedAt is null
            ? new NewsletterPage("Confirm your subscription", "Confirm that you would like to receive the Job Quality Center of Excellence newsletter at this address.",
                token, "Confirm subscription", $"/newsletter/confirm/{token}")
            : new NewsletterPage("You are subscribed", "Your subscription is already confirmed. There is nothing more to do."));
    }

    [HttpPost("confirm/{token}")]
    public async Task<IActionResult> ConfirmPost(string token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.Subscribers.Where(s => s.Token == token).Select(s => new { s.Id }).SingleOrDefaultAsync(cancellationToken);
        if (subscriber is null)
        {
            return UnknownLink();
        }

        using (await db.Database.WaitForWriteTurnAsync(cancellationToken))
        {
            await db.Subscribers.Where(s => s.Id == subscriber.Id && s.ConfirmedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmedAt, now), cancellationToken);
        }

        LogConfirmed(logger, subscriber.Id);
        return View("Message", new NewsletterPage("You are subscribed",
            "Thank you for confirming. The newsletter will come to this address; every issue has a link to unsubscribe."));
    }

    [HttpGet("unsubscribe/{token}")]
    public async Task<IActionResult> Unsubscribe(string token, CancellationToken cancellationToken)
    {
        if (!await db.Subscribers.AnyAsync(s => s.Token == token, cancellationToken))
        {
            return UnknownLink();
        }

        return View("Message", new NewsletterPage("Unsubscribe", "Unsubscribe to stop receiving the Job Quality Center of Excellence newsletter. We will then delete your address.",
            token, "Unsubscribe", $"/newsletter/unsubscribe/{token}"));
    }

    [HttpPost("unsubscribe/{token}")]
    public async Task<IActionResult> UnsubscribePost(string token, CancellationToken cancellationToken)
    {
        int deleted;
        using (await db.Database.WaitForWriteTurnAsync(cancellationToken))
        {
            deleted = await db.Subscribers.Where(s => s.Token == token).ExecuteDeleteAsync(cancellationToken);
        }

        if (deleted > 0)
        {
            LogUnsubscribed(logger);
        }

        return View("Message", new NewsletterPage("You are unsubscribed",
            "You will receive no more newsletters from us, and your address has been deleted. You can sign up again at any time."));
    }

    private async Task SignUpAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = Subscriber.Normalize(email);
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.NormalizedEmail == normalized, cancellationToken);
        if (subscriber is null)
        {
            subscriber = new Subscriber
            {
                Email = email,
                NormalizedEmail = normalized,
                Token = Subscriber.NewToken(),
                SubscribedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Subscribers.Add(subscriber);
        }
        else if (subscriber.ConfirmedAt is not null)
        {
            // Already subscribed: the answer is the same as for anyone, so the page tells nobody who is on the list.
            LogAlreadySubscribed(logger, subscriber.Id);
            return;
        }

        db.OutboxMessages.Add(mail.Confirmation(subscriber));
        await db.SaveChangesAsync(cancellationToken);
        LogSignedUp(logger, subscriber.Id);
    }

    private ViewResult UnknownLink()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Message", new NewsletterPage("This link no longer works",
            "This address is not on our list: perhaps it was unsubscribed. You can sign up again below."));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Newsletter subscriber {SubscriberId} was sent a confirmation link")]
    private static partial void LogSignedUp(ILogger logger, int subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Newsletter subscriber {SubscriberId} signed up again; already confirmed")]
    private static partial void LogAlreadySubscribed(ILogger logger, int subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Newsletter subscriber {SubscriberId} confirmed")]
    private static partial void LogConfirmed(ILogger logger, int subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A newsletter subscriber unsubscribed and was deleted")]
    private static partial void LogUnsubscribed(ILogger logger);
}
