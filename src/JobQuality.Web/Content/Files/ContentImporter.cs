using JobQuality.Web.Data;
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

        // One transaction: all or nothing, and the search index's terms for new items are written in bulk within it.
        // On SQLite it waits for its turn like every other writer of the site, then holds the file.
        using var turn = await db.Database.WaitForWriteTurnAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var merge = await ContentMerge.CreateAsync(db, cancellationToken);
        var existing = (await db.Content.Include(c => c.Dimensions).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.Kind, c.Slug));
        await db.ToolkitResources.Include(r => r.Audiences).LoadAsync(cancellationToken);

        int added = 0, updated = 0, unchanged = 0;
        foreach (var file in files)
        {
            var incoming = file.Item;
            if (!existing.TryGetValue((incoming.Kind, incoming.Slug), out var item))
            {
                merge.Add(incoming, file.Dimensions, file.Audiences, now);
                added++;
                continue;
            }

            // A file without a publish time keeps the one the item has.
            if (!file.HasPublishTime)
            {
                incoming.PublishAt = item.PublishAt ?? incoming.PublishAt;
                if (incoming.Status != ContentStatus.Draft)
                {
                    incoming.Status = incoming.PublishAt > now ? ContentStatus.Scheduled : ContentStatus.Published;
                }
            }

            if (merge.Apply(item, incoming, file.Dimensions, file.Audiences, now))
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (added, updated, unchanged);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Content file {File} (line {Line}) cannot be imported: {Problem}")]
    private static partial void LogProblem(ILogger logger, string file, int? line, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported content from {Root}: {Added} added, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogImported(ILogger logger, string root, int added, int updated, int unchanged);
}
