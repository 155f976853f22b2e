using System.Buffers.Text;
using System.Security.Cryptography;

namespace JobQuality.Web.Webinars;

/// <summary>One person's place at a webinar: a seat, a place on the waitlist, or a cancelled one.</summary>
public sealed class Registration
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int OrganizationMaxLength = 200;
    public const int CancelTokenLength = 43;

    public int Id { get; set; }

    public int WebinarId { get; set; }

    /// <summary>Null once the personal data has been erased; so are the email and the organisation.</summary>
    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>The email as compared: one active registration per webinar and normalised email.</summary>
    public string? NormalizedEmail { get; set; }

    public string? Organization { get; set; }

    public string? FieldOfPracticeSlug { get; set; }

    /// <summary>When the registrant agreed to the privacy notice.</summary>
    public DateTime ConsentedAt { get; set; }

    public RegistrationStatus Status { get; set; }

    public DateTime RegisteredAt { get; set; }

    /// <summary>When the seat was given: at registration, or later from the waitlist.</summary>
    public DateTime? ConfirmedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>The secret in the mailed cancel link; random, so that nobody can guess another's.</summary>
    public string? CancelToken { get; set; }

    public DateTime? ReminderQueuedAt { get; set; }

    public DateTime? ErasedAt { get; set; }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static string NewCancelToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}

/// <summary>Where a registration stands.</summary>
public enum RegistrationStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}
