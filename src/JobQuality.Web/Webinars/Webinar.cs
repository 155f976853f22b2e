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

    public DateTime EndsUtc => StartsUtc.AddMinutes(DurationMinutes);
}
