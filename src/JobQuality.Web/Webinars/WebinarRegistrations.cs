using JobQuality.Web.Data;
using JobQuality.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Webinars;

/// <summary>How many registered for a webinar, by where they stand.</summary>
public sealed record RegistrationCounts(int Confirmed, int Waitlisted, int Cancelled)
{
    public int Total => Confirmed + Waitlisted + Cancelled;
}

/// <summary>One registration as editors see it; personal data is empty once erased.</summary>
public sealed record RegistrationRow(
    int Id, string? Name, string? Email, string? Organization, string? FieldOfPractice, RegistrationStatus Status, DateTime RegisteredAt);

/// <summary>The editors' view of a webinar's registrations: the counts, the list, the CSV file.</summary>
public sealed class WebinarRegistrations(JobQualityDbContext db)
{
    public async Task<RegistrationCounts> CountsAsync(int webinarId, CancellationToken cancellationToken)
    {
        var byStatus = await db.Registrations.AsNoTracking()
            .Where(r => r.WebinarId == webinarId)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        return new RegistrationCounts(
            byStatus.GetValueOrDefault(RegistrationStatus.Confirmed),
            byStatus.GetValueOrDefault(RegistrationStatus.Waitlisted),
            byStatus.GetValueOrDefault(RegistrationStatus.Cancelled));
    }

    /// <summary>Every registration in the order people registered (which is also the waitlist's order).</summary>
    public Task<List<RegistrationRow>> ListAsync(int webinarId, CancellationToken cancellationToken) =>
        db.Registrations.AsNoTracking()
            .Where(r => r.WebinarId == webinarId)
            .OrderBy(r => r.Id)
            .Select(r => new RegistrationRow(r.Id, r.Name, r.Email, r.Organization, r.FieldOfPracticeSlug, r.Status, r.RegisteredAt))
            .ToListAsync(cancellationToken);

    /// <summary>Writes the CSV file: Name, Email, Organization, Status, RegisteredAt (UTC, ISO 8601).</summary>
    public async Task WriteCsvAsync(int webinarId, TextWriter writer, CancellationToken cancellationToken) =>
        await CsvFile.WriteAsync(writer, await ListAsync(webinarId, cancellationToken), columns =>
        {
            columns.Map(r => r.Name).Index(0).Name("Name");
            columns.Map(r => r.Email).Index(1).Name("Email");
            columns.Map(r => r.Organization).Index(2).Name("Organization");
            columns.Map(r => r.Status).Index(3).Name("Status").Convert(args => args.Value.Status.ToString());
            columns.Map(r => r.RegisteredAt).Index(4).Name("RegisteredAt").Convert(args => CsvFile.Utc(args.Value.RegisteredAt));
        }, cancellationToken);
}
