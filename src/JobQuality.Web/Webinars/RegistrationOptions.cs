namespace JobQuality.Web.Webinars;

/// <summary>How registrations are kept (section <c>Registrations</c>).</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registrations";

    /// <summary>Days after a webinar ends before its registrants' personal data may be erased.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the reminder job looks for webinars starting within a day.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long before the start the reminder is sent.</summary>
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromDays(1);
}
