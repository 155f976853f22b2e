using System.Linq.Expressions;

namespace JobQuality.Web.Webinars;

/// <summary>What registration, mail and calendars need to know of a webinar.</summary>
public sealed record WebinarEvent(
    int Id,
    string Slug,
    string Title,
    string Summary,
    DateTime StartsUtc,
    int DurationMinutes,
    string TimeZone,
    DateTime? RegistrationClosesUtc,
    DateTime UpdatedAt)
{
    public static readonly Expression<Func<Webinar, WebinarEvent>> Projection = w => new WebinarEvent(
        w.Id, w.Slug, w.Title, w.Summary, w.StartsUtc, w.DurationMinutes, w.TimeZone, w.RegistrationClosesUtc, w.UpdatedAt);

    private static readonly Func<Webinar, WebinarEvent> FromEntity = Projection.Compile();

    public static WebinarEvent From(Webinar webinar) => FromEntity(webinar);

    public DateTime EndsUtc => StartsUtc.AddMinutes(DurationMinutes);

    public string Path => $"/webinars/{Slug}";

    public string When => WebinarTimes.Describe(StartsUtc, TimeZone);

    public bool IsOpenForRegistrationAt(DateTime utcNow) => utcNow < (RegistrationClosesUtc ?? StartsUtc) && utcNow < StartsUtc;
}
