using JobQuality.Web.Data;

namespace JobQuality.Web.Audit;

/// <summary>One thing that happened in the editor area: who, what, to what, when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who did it: the editor's email, or what they typed when signing in failed.</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }

    /// <summary>What it was done to: an item's address or an account's email.</summary>
    public string? Subject { get; set; }

    public string? Detail { get; set; }
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string SignedIn = "Signed in";
    public const string SignInFailed = "Sign-in failed";
    public const string LockedOut = "Locked out";
    public const string SignedOut = "Signed out";
    public const string Published = "Published";
    public const string Scheduled = "Scheduled";
    public const string Unpublished = "Unpublished";
    public const string Archived = "Archived";
    public const string Restored = "Restored from the archive";
    public const string RevisionRestored = "Revision restored";
    public const string AccountCreated = "Account created";
    public const string AccountDisabled = "Account disabled";
    public const string AccountEnabled = "Account enabled";
    public const string CapacityChanged = "Capacity changed";
    public const string PersonalDataErased = "Personal data erased";
}

/// <summary>Adds entries to the audit log; they are saved with the change they describe.</summary>
public sealed class AuditLog(JobQualityDbContext db, TimeProvider clock)
{
    public void Add(string actor, string action, string? subject = null, string? detail = null) =>
        db.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = Truncate(actor, 256),
            Action = action,
            Subject = subject is null ? null : Truncate(subject, 256),
            Detail = detail is null ? null : Truncate(detail, 1000),
        });

    public async Task RecordAsync(string actor, string action, string? subject = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Add(actor, action, subject, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
