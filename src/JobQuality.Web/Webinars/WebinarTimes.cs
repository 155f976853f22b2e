using System.Globalization;

namespace JobQuality.Web.Webinars;

/// <summary>Shows a webinar's times in its own time zone, with the offset, as people expect to read them.</summary>
public static class WebinarTimes
{
    public static DateTimeOffset InZone(DateTime utc, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);
    }

    /// <summary>"Wednesday, February 17, 2027, 2:00 PM (UTC−05:00, America/New_York)"</summary>
    public static string Describe(DateTime utc, string timeZone)
    {
        var local = InZone(utc, timeZone);
        return string.Create(CultureInfo.InvariantCulture,
            $"{local:dddd, MMMM d, yyyy, h:mm tt} (UTC{FormatOffset(local.Offset)}, {timeZone})");
    }

    public static string ShortDate(DateTime utc, string timeZone) =>
        InZone(utc, timeZone).ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>The form written into content files: 2027-02-17T14:00:00-05:00.</summary>
    public static string ToIso(DateTime utc, string timeZone) =>
        InZone(utc, timeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
