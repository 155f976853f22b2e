using System.ComponentModel.DataAnnotations;
using JobQuality.Web.Accounts;
using JobQuality.Web.Audit;
using JobQuality.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Webinars;

/// <summary>The editors' page of a webinar's registrations: counts, the list, the CSV file, seats and erasure.</summary>
[Authorize(Policy = Roles.Editors)]
[Route("admin/webinars/{slug}")]
public sealed class WebinarRegistrationsController(
    JobQualityDbContext db,
    WebinarRegistrations registrations,
    TimeProvider clock,
    AuditLog audit,
    IOptions<RegistrationOptions> options) : Controller
{
    private const string FormPrefix = "Form";

    [HttpGet("registrations")]
    public async Task<IActionResult> Index(string slug, string? done, CancellationToken cancellationToken)
    {
        var webinar = await FindAsync(slug, cancellationToken);
        if (webinar is null)
        {
            return NotFound();
        }

        var message = done switch
        {
            "capacity" => "The seats were changed.",
            "erased" => "The personal data of these registrations was erased. The counts remain.",
            _ => null,
        };
        return View("Registrations", await PageAsync(webinar, new CapacityForm { Capacity = webinar.Capacity }, message, cancellationToken));
    }

    [HttpGet("registrations.csv")]
    public async Task<IActionResult> Csv(string slug, CancellationToken cancellationToken)
    {
        var webinar = await FindAsync(slug, cancellationToken);
        if (webinar is null)
        {
            return NotFound();
        }

        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, leaveOpen: true))
        {
            await registrations.WriteCsvAsync(webinar.Id, writer, cancellationToken);
        }

        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"{webinar.Slug}-registrations.csv");
    }

    [HttpPost("capacity")]
    public async Task<IActionResult> ChangeCapacity(
        string slug, [Bind(Prefix = FormPrefix)] CapacityForm form, [FromServices] WebinarCapacity capacity, CancellationToken cancellationToken)
    {
        var webinar = await FindAsync(slug, cancellationToken);
        if (webinar is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Registrations", await PageAsync(webinar, form, null, cancellationToken));
        }

        var promoted = await capacity.ChangeAsync(webinar.Id, form.Capacity, cancellationToken);
        await audit.RecordAsync(Actor, AuditActions.CapacityChanged, webinar.Path,
            $"{(form.Capacity is { } seats ? seats.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no limit")}; {promoted} confirmed from the waitlist",
            cancellationToken);
        return Redirect($"/admin/webinars/{webinar.Slug}/registrations?done=capacity");
    }

    [HttpPost("erase")]
    public async Task<IActionResult> Erase(string slug, [FromServices] RegistrationEraser eraser, CancellationToken cancellationToken)
    {
        var webinar = await FindAsync(slug, cancellationToken);
        if (webinar is null)
        {
            return NotFound();
        }

        if (!IsPastRetention(webinar))
        {
            return Problem(statusCode: StatusCodes.Status409Conflict,
                detail: $"This webinar's registrations are kept until {options.Value.RetentionDays} days after it ends.");
        }

        var result = await eraser.EraseEndedAsync(webinar.Id, cancellationToken);
        await audit.RecordAsync(Actor, AuditActions.PersonalDataErased, webinar.Path,
            $"{result.Registrations} registration(s)", cancellationToken);
        return Redirect($"/admin/webinars/{webinar.Slug}/registrations?done=erased");
    }

    private string Actor => User.Identity?.Name ?? "unknown";

    private bool IsPastRetention(WebinarSummary webinar) =>
        webinar.EndsUtc < clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);

    private Task<WebinarSummary?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.Webinars.AsNoTracking().Where(w => w.Slug == slug)
            .Select(w => new WebinarSummary(w.Id, w.Slug, w.Title, w.StartsUtc, w.DurationMinutes, w.TimeZone, w.Capacity))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<RegistrationsPage> PageAsync(WebinarSummary webinar, CapacityForm form, string? message, CancellationToken cancellationToken)
    {
        var rows = await registrations.ListAsync(webinar.Id, cancellationToken);
        return new RegistrationsPage
        {
            Webinar = webinar,
            Counts = await registrations.CountsAsync(webinar.Id, cancellationToken),
            Rows = rows,
            Form = form,
            Message = message,
            RetentionDays = options.Value.RetentionDays,
            CanErase = IsPastRetention(webinar) && rows.Any(r => r.Email is not null),
            HasEnded = webinar.EndsUtc <= clock.GetUtcNow().UtcDateTime,
        };
    }
}

/// <summary>The webinar a registrations page is about.</summary>
public sealed record WebinarSummary(int Id, string Slug, string Title, DateTime StartsUtc, int DurationMinutes, string TimeZone, int? Capacity)
{
    public DateTime EndsUtc => StartsUtc.AddMinutes(DurationMinutes);

    public string Path => "/webinars/" + Slug;

    public string When => WebinarTimes.Describe(StartsUtc, TimeZone);
}

/// <summary>The form that changes a webinar's seats.</summary>
public sealed class CapacityForm
{
    [Range(1, 1_000_000, ErrorMessage = "Give at least one seat, or leave it empty for no limit.")]
    [Display(Name = "Seats (empty for no limit)")]
    public int? Capacity { get; set; }
}

/// <summary>What an editor sees of one webinar's registrations.</summary>
public sealed class RegistrationsPage
{
    public required WebinarSummary Webinar { get; init; }

    public required RegistrationCounts Counts { get; init; }

    public required IReadOnlyList<RegistrationRow> Rows { get; init; }

    public required CapacityForm Form { get; init; }

    public string? Message { get; init; }

    public int RetentionDays { get; init; }

    public bool HasEnded { get; init; }

    /// <summary>The webinar ended longer ago than the retention period and some personal data is left.</summary>
    public bool CanErase { get; init; }
}
