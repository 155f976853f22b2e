using System.Buffers;
using System.Net;
using System.Runtime.InteropServices;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace JobQuality.Web.Search;

/// <summary>
/// Keeps the search index in step with the content: the words of each item's title, summary and
/// body, each with the weight of the best field it is in. <see cref="JobQualityDbContext"/> calls
/// it on every save, so the import and any editor maintain it without knowing it exists.
/// </summary>
public static class SearchIndex
{
    /// <summary>The terms of an item and the weight each earns it.</summary>
    public static Dictionary<string, int> TermsOf(ContentItem item)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(terms, item.Title, SearchWeights.Title);
        Add(terms, item.Summary, SearchWeights.Summary);
        Add(terms, PlainText(item.BodyHtml), SearchWeights.Body);
        return terms;
    }

    /// <summary>Text of stored, sanitised HTML, as a visitor reads it.</summary>
    public static string PlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var buffer = ArrayPool<char>.Shared.Rent(html.Length);
        try
        {
            return WebUtility.HtmlDecode(new string(buffer, 0, PlainText(html, buffer))).Trim();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The text of <paramref name="html"/> written into <paramref name="buffer"/> (as long as the
    /// HTML at least), its character references not yet decoded; returns its length.
    /// </summary>
    /// <remarks>
    /// A tag counts as a space and every run of spaces becomes one, in one pass: a search page cuts
    /// passages from the text of its answers' bodies.
    /// </remarks>
    public static int PlainText(string html, char[] buffer)
    {
        var length = 0;
        var space = false;
        var tagsEnd = html.Length;
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<' && i < tagsEnd)
            {
                var close = html.IndexOf('>', i + 1);
                if (close >= 0)
                {
                    space = true;
                    i = close;
                    continue;
                }

                // No tag closes after this one: every later '<' is text.
                tagsEnd = i;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && length > 0)
            {
                buffer[length++] = ' ';
            }

            space = false;
            buffer[length++] = c;
        }

        return length;
    }

    /// <summary>Items whose indexed text changes in this save, and so need their terms rewritten.</summary>
    internal static List<EntityEntry<ContentItem>> ChangedItems(ChangeTracker tracker) =>
        tracker.Entries<ContentItem>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified
                    && (e.Property(c => c.Title).IsModified || e.Property(c => c.Summary).IsModified || e.Property(c => c.Body).IsModified)))
            .ToList();

    internal static IQueryable<SearchTerm> ExistingTerms(JobQualityDbContext db, List<EntityEntry<ContentItem>> changed)
    {
        var ids = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        return db.SearchTerms.Where(t => ids.Contains(t.ContentItemId));
    }

    /// <summary>Adds, re-weighs and removes terms so that each changed item's rows say what it now contains.</summary>
    internal static void Update(JobQualityDbContext db, List<EntityEntry<ContentItem>> changed, List<SearchTerm> existing)
    {
        var byItem = existing.ToLookup(t => t.ContentItemId);
        foreach (var entry in changed)
        {
            var wanted = TermsOf(entry.Entity);
            if (entry.State == EntityState.Modified)
            {
                foreach (var row in byItem[entry.Entity.Id])
                {
                    if (!wanted.Remove(row.Term, out var weight))
                    {
                        db.SearchTerms.Remove(row);
                    }
                    else if (row.Weight != weight)
                    {
                        row.Weight = weight;
                    }
                }
            }

            foreach (var (term, weight) in wanted)
            {
                db.SearchTerms.Add(new SearchTerm { ContentItem = entry.Entity, Term = term, Weight = weight });
            }
        }
    }

    /// <summary>The new items of a save and their terms, to write in bulk (<see cref="InsertAsync"/>); null when there are none.</summary>
    internal static List<(ContentItem Item, Dictionary<string, int> Terms)>? NewItemsForBulk(List<EntityEntry<ContentItem>> changed)
    {
        var added = changed.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return null;
        }

        var terms = new Dictionary<string, int>[added.Count];
        Parallel.For(0, added.Count, SideBySide.OnEveryCore, i => terms[i] = TermsOf(added[i]));
        return [.. added.Select((item, i) => (item, terms[i]))];
    }

    /// <summary>
    /// Writes the terms of items that were just inserted, in the current transaction, in bulk
    /// (<see cref="BulkInsert"/>): no entity per term, no change tracking.
    /// </summary>
    internal static async Task InsertAsync(
        JobQualityDbContext db, List<(ContentItem Item, Dictionary<string, int> Terms)> items, CancellationToken cancellationToken)
    {
        var rows = items.SelectMany(x => x.Terms.Select(t => new SearchTerm { ContentItemId = x.Item.Id, Term = t.Key, Weight = t.Value })).ToList();
        var entity = db.Model.FindEntityType(typeof(SearchTerm))!;
        await BulkInsert.InsertAsync(db, entity, BulkInsert.WrittenProperties(entity), rows, BulkInsert.ValueOf, cancellationToken);
    }

    /// <summary>Throws the index away and builds it again from the content: it is derived data.</summary>
    public static async Task<int> RebuildAsync(JobQualityDbContext db, CancellationToken cancellationToken)
    {
        using (await db.Database.WaitForWriteTurnAsync(cancellationToken))
        {
            await db.SearchTerms.ExecuteDeleteAsync(cancellationToken);
        }

        var count = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await db.Content.AsNoTracking().Where(c => c.Id > lastId).OrderBy(c => c.Id).Take(500)
                .Select(c => new { c.Id, c.Title, c.Summary, c.BodyHtml })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }

            foreach (var item in batch)
            {
                var terms = new Dictionary<string, int>(StringComparer.Ordinal);
                Add(terms, item.Title, SearchWeights.Title);
                Add(terms, item.Summary, SearchWeights.Summary);
                Add(terms, PlainText(item.BodyHtml), SearchWeights.Body);
                db.SearchTerms.AddRange(terms.Select(t => new SearchTerm { ContentItemId = item.Id, Term = t.Key, Weight = t.Value }));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += batch.Count;
            lastId = batch[^1].Id;
        }
    }

    private static void Add(Dictionary<string, int> terms, string? text, int weight)
    {
        // One look-up per word: a body repeats its words, and an import indexes thousands of bodies.
        foreach (var term in SearchText.Terms(text))
        {
            ref var best = ref CollectionsMarshal.GetValueRefOrAddDefault(terms, term, out _);
            best = Math.Max(weight, best);
        }
    }
}
