using System.Buffers.Text;
using System.Security.Cryptography;

namespace JobQuality.Web.Newsletter;

/// <summary>
/// Someone who signed up for the newsletter. They are sent mail only once they confirmed through
/// the mailed link; unsubscribing deletes the row, so nothing of them is kept.
/// </summary>
public sealed class Subscriber
{
    public const int EmailMaxLength = 254;
    public const int TokenLength = 43;

    public int Id { get; set; }

    public required string Email { get; set; }

    /// <summary>The email as compared: one row per normalised email, enforced by a unique index.</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>The secret in the mailed confirm and unsubscribe links; random, so that nobody can guess another's.</summary>
    public required string Token { get; set; }

    public DateTime SubscribedAt { get; set; }

    /// <summary>When they followed the confirmation link; null while the sign-up awaits it.</summary>
    public DateTime? ConfirmedAt { get; set; }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
