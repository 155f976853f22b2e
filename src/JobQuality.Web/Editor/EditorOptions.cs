namespace JobQuality.Web.Editor;

/// <summary>Settings of the editor area (section <c>Editor</c>).</summary>
public sealed class EditorOptions
{
    public const string Section = "Editor";

    /// <summary>The time zone editors type publish times in.</summary>
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>How long after a review an item is due for the next one.</summary>
    public int ReviewIntervalDays { get; set; } = 365;

    public TimeZoneInfo Zone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
