using JobQuality.Web.Caching;
using JobQuality.Web.Data;
using JobQuality.Web.Data.Configurations;
using JobQuality.Web.Search;
using JobQuality.Web.Toolkit;
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
/// <remarks>
/// Changed items are saved through the change tracker, like an editor's save. New items (all of them
/// on a first import, thousands at a time) are written in bulk instead: rendered and indexed side by
/// side, then inserted with their taxonomy links and search terms by multi-row INSERTs in the same
/// transaction. They produce the same rows as a save would (a test compares the two).
/// </remarks>
public sealed partial class ContentImporter(
    JobQualityDbContext db, TimeProvider clock, ILogger<ContentImporter> logger, CacheEviction? eviction = null)
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

        int updated = 0, unchanged = 0;
        var added = new List<ContentFile>();
        foreach (var file in files)
        {
            var incoming = file.Item;
            if (!existing.TryGetValue((incoming.Kind, incoming.Slug), out var item))
            {
                merge.Check(file.Dimensions, file.Audiences);
                added.Add(file);
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
        if (added.Count > 0)
        {
            await InsertAsync(added, existing.Count == 0 ? 0 : existing.Values.Max(c => c.Id), now, cancellationToken);

            // Written past the change tracker, so the cache is told itself: pages are evicted on commit.
            eviction?.ContentChanged(db);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (added.Count, updated, unchanged);
    }

    /// <summary>Inserts new items, their taxonomy links and their search terms, in the current transaction.</summary>
    private async Task InsertAsync(List<ContentFile> files, int lastExistingId, DateTime now, CancellationToken cancellationToken)
    {
        // What a save does to a new item: times set, Markdown rendered and sanitised, terms indexed.
        var terms = new Dictionary<string, int>[files.Count];
        Parallel.For(0, files.Count, SideBySide.OnEveryCore, i =>
        {
            var item = files[i].Item;
            item.CreatedAt = item.UpdatedAt = now;
            item.BodyHtml = MarkdownRenderer.Render(item.Body);
            terms[i] = SearchIndex.TermsOf(item);
        });

        // One statement shape per kind, since each kind has columns of its own.
        foreach (var kind in files.GroupBy(f => f.Item.GetType()))
        {
            var entityType = db.Model.FindEntityType(kind.Key)!;
            await BulkInsert.InsertAsync(db, entityType, BulkInsert.WrittenProperties(entityType),
                kind.Select(f => f.Item).ToList(), BulkInsert.ValueOf, cancellationToken);
        }

        // The ids the database gave them, found by kind and slug (unique), whatever order it inserted in.
        var byKey = files.ToDictionary(f => (f.Item.Kind, f.Item.Slug), f => f.Item);
        var ids = await db.Content.AsNoTracking().Where(c => c.Id > lastExistingId)
            .Select(c => new { c.Id, c.Kind, c.Slug }).ToListAsync(cancellationToken);
        foreach (var row in ids)
        {
            if (byKey.TryGetValue((row.Kind, row.Slug), out var item))
            {
                item.Id = row.Id;
            }
        }

        await InsertLinksAsync(ContentItemConfiguration.DimensionLinks,
            [.. files.SelectMany(f => f.Dimensions.Select(slug => (f.Item.Id, slug)))], cancellationToken);
        await InsertLinksAsync(ToolkitResourceConfiguration.AudienceLinks,
            [.. files.Where(f => f.Item is ToolkitResource).SelectMany(f => f.Audiences.Select(slug => (f.Item.Id, slug)))],
            cancellationToken);
        await SearchIndex.InsertAsync(db, [.. files.Select((f, i) => (f.Item, terms[i]))], cancellationToken);
    }

    /// <summary>Rows of a join table between items and a taxonomy: the item's id, then the term's slug.</summary>
    private async Task InsertLinksAsync(string joinTable, List<(int Id, string Slug)> links, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(joinTable)!;
        var itemId = entityType.FindPrimaryKey()!.Properties[0];
        await BulkInsert.InsertAsync(db, entityType, [itemId, entityType.FindPrimaryKey()!.Properties[1]], links,
            (link, property) => property == itemId ? link.Id : link.Slug, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Content file {File} (line {Line}) cannot be imported: {Problem}")]
    private static partial void LogProblem(ILogger logger, string file, int? line, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported content from {Root}: {Added} added, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogImported(ILogger logger, string root, int added, int updated, int unchanged);
}
