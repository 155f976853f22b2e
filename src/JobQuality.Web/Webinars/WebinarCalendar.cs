using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace JobQuality.Web.Webinars;

/// <summary>A webinar as an iCalendar file (RFC 5545), for the page's calendar link and the confirmation mail.</summary>
public static class WebinarCalendar
{
    public const string MediaType = "text/calendar";

    /// <summary>The same webinar keeps the same UID, so calendars update the event instead of adding another.</summary>
    public static string Uid(WebinarEvent webinar, Uri baseUrl) => $"webinar-{webinar.Id}@{baseUrl.Host}";

    public static string Write(WebinarEvent webinar, Uri baseUrl)
    {
        var page = new Uri(baseUrl, webinar.Path);

        // Start and end are given in UTC: exact in every calendar, which shows them in the reader's own zone.
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(webinar, baseUrl),
            DtStamp = new CalDateTime(webinar.UpdatedAt),
            DtStart = new CalDateTime(webinar.StartsUtc),
            DtEnd = new CalDateTime(webinar.EndsUtc),
            Summary = webinar.Title,
            Description = $"{webinar.Summary}\n\n{webinar.When}\n{page}",
            Url = page,
            Location = page.ToString(),
        };
        var calendar = new Calendar { ProductId = "-//Job Quality Center of Excellence//Webinars//EN" };
        calendar.AddProperty("METHOD", "PUBLISH");
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
