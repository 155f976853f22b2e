using JobQuality.Web.Content;

namespace JobQuality.Web.Webinars;

/// <summary>A "Job Quality in Practice" webinar, upcoming or past.</summary>
public sealed class Webinar() : ContentItem(ContentKind.Webinar)
{
    /// <summary>The start as an instant, in UTC; <see cref="TimeZone"/> says how to show it.</summary>
    public DateTime StartsUtc { get; set; }

    /// <summary>IANA time zone the webinar is announced in, such as America/New_York.</summary>
    public string TimeZone { get; set; } = "America/New_York";

    public int DurationMinutes { get; set; } = 60;

    /// <summary>Seats; null means unlimited.</summary>
    public int? Capacity { get; set; }

    public List<string> Speakers { get; set; } = [];

    public string? RecordingUrl { get; set; }

    public string? SlidesUrl { get; set; }

    public string? TranscriptUrl { get; set; }

    /// <summary>When registration closes, in UTC, if an editor set it; otherwise it closes at the start.</summary>
    public DateTime? RegistrationClosesUtc { get; set; }

    /// <summary>
    /// Confirmed registrations. Seats are taken by one conditional update of this counter, so that
    /// two people can never take the last seat; it is not content and no file carries it.
    /// </summary>
    public int SeatsTaken { get; set; }

    public DateTime EndsUtc => StartsUtc.AddMinutes(DurationMinutes);
}
