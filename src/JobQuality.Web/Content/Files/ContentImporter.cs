using JobQuality.Web.Data;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Content.Files;

/// <summary>How the importer treats a folder in which some files are wrong.</summary>
public enum ImportMode
{
    /// <summary>Any problem and nothing is written (the command line).</summary>
    AllOrNothing,

    /// <summary>Import what is sound and report the rest (first start of the site).</summary>
    SkipInvalid,
}

/// <summary>What an import did, and what it found wrong.</summary>
public sealed record ImportResult(IReadOnlyList<ContentFileProblem> Problems, int Added, int Updated, int Unchanged)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Brings content files into the database: inserts new items and updates changed ones, matched by
/// kind and slug. Running it twice changes nothing; items the files do not name are left alone.
/// </summary>
public sealed partial class ContentImporter(JobQualityDbContext db, TimeProvider clock, ILogger<ContentImporter> logger)
{
    public async Task<ImportResult> ImportAsync(string root, ImportMode mode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (files, problems) = ContentFileReader.ReadFolder(root, now);
        if (problems.Count > 0 && mode == ImportMode.AllOrNothing)
        {
            return new ImportResult(problems, 0, 0, 0);
        }

        foreach (var problem in problems)
        {
            LogProblem(logger, problem.File, problem.Line, problem.Message);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var (added, updated, unchanged) = await strategy.ExecuteAsync(
            (files, now),
            async (_, state, ct) => await WriteAsync(state.files, state.now, ct),
            verifySucceeded: null,
            cancellationToken);
        LogImported(logger, root, added, updated, unchanged);
        return new ImportResult(problems, added, updated, unchanged);
    }

    private async Task<(int Added, int Updated, int Unchanged)> WriteAsync(
        IReadOnlyList<ContentFile> files, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var dimensions = await db.Dimensions.ToDictionaryAsync(d => d.Slug, cancellationToken);
        var fields = await db.FieldsOfPractice.ToDictionaryAsync(f => f.Slug, cancellationToken);
        var existing = (await db.Content.Include(c => c.Dimensions).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.Kind, c.Slug));
        await db.ToolkitResources.Include(r => r.Audiences).LoadAsync(cancellationToken);

        int added = 0, updated = 0, unchanged = 0;
        foreach (var file in files)
        {
            var incoming = file.Item;
            if (!existing.TryGetValue((incoming.Kind, incoming.Slug), out var item))
            {
                incoming.CreatedAt = incoming.UpdatedAt = now;
                incoming.Dimensions = [.. file.Dimensions.Select(d => dimensions[d])];
                if (incoming is ToolkitResource resource)
                {
                    resource.Audiences = [.. file.Audiences.Select(a => fields[a])];
                }

                db.Add(incoming);
                added++;
                continue;
            }

            // Values the file does not carry keep what the database has.
            incoming.Id = item.Id;
            incoming.CreatedAt = item.CreatedAt;
            incoming.UpdatedAt = item.UpdatedAt;
            incoming.BodyHtml = item.BodyHtml;
            if (incoming is Webinar incomingWebinar && item is Webinar storedWebinar)
            {
                // Seats taken are the registrations' to count, never a file's.
                incomingWebinar.SeatsTaken = storedWebinar.SeatsTaken;
            }

            if (!file.HasPublishTime)
            {
                incoming.PublishAt = item.PublishAt ?? incoming.PublishAt;
                if (incoming.Status != ContentStatus.Draft)
                {
                    incoming.Status = incoming.PublishAt > now ? ContentStatus.Scheduled : ContentStatus.Published;
                }
            }

            var entry = db.Entry(item);
            entry.CurrentValues.SetValues(incoming);
            var changed = entry.Properties.Any(p => p.IsModified);
            changed |= Replace(item.Dimensions, file.Dimensions, d => d.Slug, slug => dimensions[slug]);
            if (item is ToolkitResource toolkit)
            {
                changed |= Replace(toolkit.Audiences, file.Audiences, f => f.Slug, slug => fields[slug]);
            }

            if (changed)
            {
                item.UpdatedAt = now;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (added, updated, unchanged);
    }

    private static bool Replace<T>(List<T> current, IReadOnlyList<string> wanted, Func<T, string> slugOf, Func<string, T> find)
    {
        if (current.Select(slugOf).Order(StringComparer.Ordinal).SequenceEqual(wanted.Order(StringComparer.Ordinal)))
        {
            return false;
        }

        current.Clear();
        current.AddRange(wanted.Select(find));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Content file {File} (line {Line}) cannot be imported: {Problem}")]
    private static partial void LogProblem(ILogger logger, string file, int? line, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported content from {Root}: {Added} added, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogImported(ILogger logger, string root, int added, int updated, int unchanged);
}
