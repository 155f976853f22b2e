using System.Globalization;
using System.Text;
using JobQuality.Web.Caching;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using JobQuality.Web.Topics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Webinars;

[OutputCache(PolicyName = PublicPageCache.Policy)]
[Route("webinars")]
public sealed class WebinarsController(JobQualityDbContext db, ListedContent listed, TimeProvider clock) : Controller
{
    private static readonly IReadOnlyList<TermLink> Fields =
        Taxonomy.FieldsOfPractice.Select(f => new TermLink(f.Slug, f.Name)).ToList();

    [HttpGet("")]
    public async Task<IActionResult> Index(string? dimension, int? page, CancellationToken cancellationToken)
    {
        var now = clock.UtcDateTime();
        var ofKind = await listed.OfAsync(db, ContentKind.Webinar, cancellationToken);
        var (webinars, filters) = ofKind.Filter(now,
            [new Facet(ListingFilters.Dimension(ofKind, dimension), ListedBy.Dimension)]);

        // The listing's order is latest first: the past as it is, the upcoming soonest first.
        return View(new WebinarsIndex
        {
            Upcoming = await db.ToCardsAsync(now, webinars.Where(w => w.Date >= now).Reverse().ToList(), cancellationToken),
            Past = await db.ToCardPageAsync(now, webinars.Where(w => w.Date < now).ToList(), page, ListingFilters.PageSize, cancellationToken),
            Dimension = filters[0],
        });
    }

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [PublicPageCache.PublicTag, PublicPageCache.WebinarTag])]
    public async Task<IActionResult> Details(
        string slug, [FromServices] IOptions<RegistrationOptions> options, CancellationToken cancellationToken)
    {
        var webinar = await FindAsync(slug, cancellationToken);
        return webinar is null ? NotFound() : View(PageFor(webinar, new RegistrationForm(), options.Value));
    }

    [HttpPost("{slug}/register")]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(RateLimits.Registrations)]
    public async Task<IActionResult> Register(
        string slug,
        RegistrationForm form,
        [FromServices] RegisterForWebinar registration,
        [FromServices] IOptions<RegistrationOptions> options,
        CancellationToken cancellationToken)
    {
        var webinar = await FindAsync(slug, cancellationToken);
        if (webinar is null)
        {
            return NotFound();
        }

        var details = WebinarEvent.From(webinar);
        if (!details.IsOpenForRegistrationAt(clock.UtcDateTime()))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Notice", new WebinarNotice(details, "Registration has closed",
                details.StartsUtc <= clock.UtcDateTime()
                    ? "This webinar has already started or taken place, so it no longer takes registrations. Its recording, slides and transcript appear on its page once they are ready."
                    : "Registration for this webinar has closed."));
        }

        form.Check(ModelState, Fields);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Details", PageFor(webinar, form, options.Value));
        }

        var result = await registration.RegisterAsync(details,
            new RegistrationRequest(form.Name!, form.Email!, form.Organization, string.IsNullOrEmpty(form.FieldOfPractice) ? null : form.FieldOfPractice),
            cancellationToken);
        return View("Registered", new RegisteredPage(details, result.Status, result.AlreadyRegistered));
    }

    /// <summary>The mailed link: it only asks; cancelling takes the button's POST.</summary>
    [HttpGet("{slug}/cancel/{token}")]
    [OutputCache(NoStore = true)]
    public async Task<IActionResult> Cancel(
        string slug, string token, [FromServices] CancelRegistration cancel, CancellationToken cancellationToken)
    {
        KeepTokenPrivate();
        var webinar = await FindEventAsync(slug, cancellationToken);
        var status = webinar is null ? null : await cancel.FindAsync(webinar, token, cancellationToken);
        if (webinar is null || status is null)
        {
            return NotFound();
        }

        if (status != RegistrationStatus.Cancelled && webinar.StartsUtc <= clock.UtcDateTime())
        {
            return View("Notice", StartedNotice(webinar));
        }

        return View("Cancel", new CancelPage(webinar, token, status.Value));
    }

    [HttpPost("{slug}/cancel/{token}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ConfirmCancel(
        string slug, string token, [FromServices] CancelRegistration cancel, CancellationToken cancellationToken)
    {
        KeepTokenPrivate();
        var webinar = await FindEventAsync(slug, cancellationToken);
        if (webinar is null)
        {
            return NotFound();
        }

        if (webinar.StartsUtc <= clock.UtcDateTime())
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Notice", StartedNotice(webinar));
        }

        return await cancel.CancelAsync(webinar, token, cancellationToken) switch
        {
            CancelOutcome.NotFound => NotFound(),
            CancelOutcome.AlreadyCancelled => View("Notice", new WebinarNotice(webinar, "Your registration was already cancelled",
                "There is nothing more to do. You are welcome to register again while registration is open.")),
            _ => View("Notice", new WebinarNotice(webinar, "Your registration is cancelled",
                "Thank you for letting us know: your place goes to the next person on the waitlist. You are welcome to register again while registration is open.")),
        };
    }

    [HttpGet("{slug}/calendar.ics")]
    public async Task<IActionResult> Calendar(string slug, [FromServices] IOptions<SiteOptions> site, CancellationToken cancellationToken)
    {
        var webinar = await FindEventAsync(slug, cancellationToken);
        if (webinar is null)
        {
            return NotFound();
        }

        var calendar = Encoding.UTF8.GetBytes(WebinarCalendar.Write(webinar, new Uri(site.Value.Root + "/")));
        return File(calendar, WebinarCalendar.MediaType + "; charset=utf-8", $"{webinar.Slug}.ics");
    }

    private Task<Webinar?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.Webinars.AsNoTracking().PublicAt(clock.UtcDateTime())
            .Include(w => w.Dimensions)
            .SingleOrDefaultAsync(w => w.Slug == slug, cancellationToken);

    private Task<WebinarEvent?> FindEventAsync(string slug, CancellationToken cancellationToken) =>
        db.Webinars.AsNoTracking().PublicAt(clock.UtcDateTime())
            .Where(w => w.Slug == slug)
            .Select(WebinarEvent.Projection)
            .SingleOrDefaultAsync(cancellationToken);

    private static WebinarNotice StartedNotice(WebinarEvent webinar) =>
        new(webinar, "This webinar has already started", "A registration can be cancelled until the webinar starts.");

    /// <summary>The cancel link is a secret: it must not travel on to other sites or stay in caches.</summary>
    private void KeepTokenPrivate()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private WebinarPage PageFor(Webinar webinar, RegistrationForm form, RegistrationOptions options)
    {
        var now = clock.UtcDateTime();
        var past = webinar.StartsUtc < now;
        var open = WebinarEvent.From(webinar).IsOpenForRegistrationAt(now);
        var content = PageFor(webinar, now);

        if (!open)
        {
            return new WebinarPage
            {
                Content = content,
                ClosedNote = past ? null : "Registration for this webinar has closed.",
            };
        }

        form.Slug = webinar.Slug;
        form.Fields = Fields;
        form.RetentionDays = options.RetentionDays;
        return new WebinarPage { Content = content, Form = form };
    }

    /// <summary>The webinar's page without its form; the editor's preview shows the same.</summary>
    internal static ContentPage PageFor(Webinar webinar, DateTime now)
    {
        var past = webinar.StartsUtc < now;
        return ContentPage.From(webinar,
            [
                Fact.Of(past ? "Took place" : "When", WebinarTimes.Describe(webinar.StartsUtc, webinar.TimeZone)),
                Fact.Of("Length", string.Create(CultureInfo.InvariantCulture, $"{webinar.DurationMinutes} minutes")),
                past ? null : Fact.Of("Seats", Seats(webinar)),
                past || webinar.RegistrationClosesUtc is null
                    ? null
                    : Fact.Of("Registration closes", WebinarTimes.Describe(webinar.RegistrationClosesUtc.Value, webinar.TimeZone)),
                Fact.Of("Speakers", webinar.Speakers.Select(s => new FactValue(s))),
            ],
            [
                FactValue.Link("Watch the recording", webinar.RecordingUrl),
                FactValue.Link("Download the slides", webinar.SlidesUrl),
                FactValue.Link("Read the transcript", webinar.TranscriptUrl),
                past ? null : FactValue.Link("Add to your calendar", $"{webinar.Path}/calendar.ics"),
            ]);
    }

    private static string Seats(Webinar webinar) => webinar.Capacity switch
    {
        null => "No limit",
        { } seats when webinar.SeatsTaken >= seats => string.Create(CultureInfo.InvariantCulture,
            $"{seats:N0}, all taken: new registrations join the waitlist"),
        { } seats => string.Create(CultureInfo.InvariantCulture, $"{seats:N0} ({seats - webinar.SeatsTaken:N0} left)"),
    };
}

public sealed class WebinarsIndex : IDescribedPage
{
    public required IReadOnlyList<ContentCard> Upcoming { get; init; }

    public required Paged<ContentCard> Past { get; init; }

    public required FilterChoice Dimension { get; init; }

    public PageMetadata Metadata => PageMetadata.Listing(
        "Job Quality in Practice webinars",
        "A webinar series for practitioners across fields: tools and approaches that work, the exemplars behind them, and peers doing the same work elsewhere.",
        "/webinars");
}
