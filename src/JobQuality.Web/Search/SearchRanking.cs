using System.Buffers;
using System.Diagnostics;
using JobQuality.Web.Caching;
using JobQuality.Web.Content;
using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Search;

/// <summary>
/// Ranks searches from a copy of the term index held in memory. The database keeps the index
/// (<see cref="SearchIndex"/> writes it on every save); this copy is read from it on the first
/// search after a change and then answers every search without a query. A common word finds most
/// of the content, and ranking all of it in SQL means grouping tens of thousands of rows per
/// search; in memory it is a walk over a few arrays. The copy is forgotten whenever content
/// changes (<see cref="Caching.ContentChanges"/>), wherever the change was made.
/// </summary>
public sealed partial class SearchRanking(ILogger<SearchRanking> logger) : IDisposable
{
    private readonly MemoryCopy<Snapshot> _copy = new();

    /// <summary>Drops the copy: the next search reads the index again.</summary>
    public void Forget() => _copy.Forget();

    /// <summary>Every item a visitor may see at <paramref name="utcNow"/> that has at least one of the terms, scored.</summary>
    public async ValueTask<SearchHits> FindAsync(
        JobQualityDbContext db, IReadOnlyList<string> terms, DateTime utcNow, CancellationToken cancellationToken)
    {
        var snapshot = await _copy.GetAsync(async ct =>
        {
            var started = Stopwatch.GetTimestamp();
            var read = await Snapshot.LoadAsync(db, ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogRead(logger, read.Count, read.Postings, elapsed.TotalMilliseconds);
            return read;
        }, cancellationToken);
        return snapshot.Find(terms, utcNow);
    }

    public void Dispose() => _copy.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index read into memory: {Items} items, {Postings} terms of items, in {Milliseconds:F0} ms")]
    private static partial void LogRead(ILogger logger, int items, int postings, double milliseconds);

    /// <summary>A pooled array whose first <paramref name="length"/> entries are zero: whoever had it before may have left it dirty.</summary>
    internal static int[] Rent(int length)
    {
        var array = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(array, 0, length);
        return array;
    }

    /// <summary>
    /// Postings as they are read, in chunks of a fixed size: a list that doubles would leave its
    /// outgrown arrays, hundreds of kilobytes each at 10,000 items, as holes in the large-object heap.
    /// </summary>
    private sealed class Postings
    {
        private const int ChunkSize = 8192;
        private readonly List<(int[] Items, int[] Weights)> _chunks = [];

        public int Count { get; private set; }

        public void Add(int item, int weight)
        {
            if (Count % ChunkSize == 0)
            {
                _chunks.Add((new int[ChunkSize], new int[ChunkSize]));
            }

            var (items, weights) = _chunks[^1];
            items[Count % ChunkSize] = item;
            weights[Count % ChunkSize] = weight;
            Count++;
        }

        /// <summary>Copies postings <paramref name="start"/> to <paramref name="end"/> (excluded); returns how many.</summary>
        public int CopyTo(int start, int end, Span<int> items, Span<int> weights)
        {
            for (var i = start; i < end;)
            {
                var (chunkItems, chunkWeights) = _chunks[i / ChunkSize];
                var offset = i % ChunkSize;
                var length = Math.Min(end - i, ChunkSize - offset);
                chunkItems.AsSpan(offset, length).CopyTo(items[(i - start)..]);
                chunkWeights.AsSpan(offset, length).CopyTo(weights[(i - start)..]);
                i += length;
            }

            return end - start;
        }
    }

    /// <summary>The index as it stood when read: sorted terms, each with the items it is in.</summary>
    internal sealed class Snapshot
    {
        // Items that are or will be public, by position.
        private readonly int[] _ids;
        private readonly ContentKind[] _kinds;
        private readonly DateTime[] _publishAt;
        private readonly string[] _titles;

        // Terms in ordinal order; the postings of term i are _items/_weights[_starts[i] .. _starts[i + 1]).
        private readonly string[] _terms;
        private readonly int[] _starts;
        private readonly int[] _items;
        private readonly int[] _weights;

        private Snapshot(
            int[] ids, ContentKind[] kinds, DateTime[] publishAt, string[] titles,
            string[] terms, int[] starts, int[] items, int[] weights)
        {
            _ids = ids;
            _kinds = kinds;
            _publishAt = publishAt;
            _titles = titles;
            _terms = terms;
            _starts = starts;
            _items = items;
            _weights = weights;
        }

        public static async Task<Snapshot> LoadAsync(JobQualityDbContext db, CancellationToken cancellationToken)
        {
            // Drafts are never found; a scheduled item is kept and found once its time has come.
            var items = await db.Content.AsNoTracking().PublicOrScheduled()
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Kind, PublishAt = c.PublishAt!.Value, c.Title })
                .ToListAsync(cancellationToken);
            var position = new Dictionary<int, int>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                position[items[i].Id] = i;
            }

            // The rows come by term: each term's postings are one run, appended to one list in chunks
            // small enough to stay off the large-object heap, and copied once into arrays of their size.
            var runs = new List<(string Term, int Start)>();
            var postings = new Postings();
            var rows = db.SearchTerms.AsNoTracking()
                .OrderBy(t => t.Term).ThenBy(t => t.ContentItemId)
                .Select(t => new { t.Term, t.ContentItemId, t.Weight })
                .AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (!position.TryGetValue(row.ContentItemId, out var item))
                {
                    continue;
                }

                if (runs.Count == 0 || !string.Equals(row.Term, runs[^1].Term, StringComparison.Ordinal))
                {
                    runs.Add((row.Term, postings.Count));
                }

                postings.Add(item, row.Weight);
            }

            // Ranges of terms are found by ordinal comparison, the rule the index was written by. A
            // database that orders terms by another rule (a case- or accent-blind collation) gives the
            // runs out of that order, or a term in more than one run: they are put in order here.
            var order = Enumerable.Range(0, runs.Count).ToArray();
            Array.Sort(order, (a, b) =>
            {
                var byTerm = string.CompareOrdinal(runs[a].Term, runs[b].Term);
                return byTerm != 0 ? byTerm : a.CompareTo(b);
            });
            var terms = new List<string>(runs.Count);
            var starts = new List<int>(runs.Count + 1);
            var itemsOf = new int[postings.Count];
            var weights = new int[postings.Count];
            var next = 0;
            foreach (var run in order)
            {
                if (terms.Count == 0 || !string.Equals(terms[^1], runs[run].Term, StringComparison.Ordinal))
                {
                    terms.Add(runs[run].Term);
                    starts.Add(next);
                }

                var end = run + 1 < runs.Count ? runs[run + 1].Start : postings.Count;
                next += postings.CopyTo(runs[run].Start, end, itemsOf.AsSpan(next), weights.AsSpan(next));
            }

            starts.Add(next);
            return new Snapshot(
                [.. items.Select(i => i.Id)], [.. items.Select(i => i.Kind)], [.. items.Select(i => i.PublishAt)], [.. items.Select(i => i.Title)],
                [.. terms], [.. starts], itemsOf, weights);
        }

        public int Count => _ids.Length;

        public int Postings => _items.Length;

        public SearchHits Find(IReadOnlyList<string> queryTerms, DateTime utcNow)
        {
            // Per item (by position): how many query terms it has, and for each the weight of its best
            // field, added up. Arrays from the pool: thousands of hits a search, and no garbage.
            var hits = new SearchHits(this);
            var best = Rent(_ids.Length);
            var touched = ArrayPool<int>.Shared.Rent(_ids.Length);
            try
            {
                foreach (var queryTerm in queryTerms)
                {
                    var found = 0;
                    for (var t = FirstAtOrAfter(queryTerm); t < _terms.Length && SearchText.Matches(_terms[t], queryTerm); t++)
                    {
                        for (var p = _starts[t]; p < _starts[t + 1]; p++)
                        {
                            var item = _items[p];
                            if (_publishAt[item] > utcNow)
                            {
                                continue;
                            }

                            if (best[item] == 0)
                            {
                                touched[found++] = item;
                            }

                            best[item] = Math.Max(best[item], _weights[p]);
                        }
                    }

                    for (var i = 0; i < found; i++)
                    {
                        var item = touched[i];
                        hits.Add(item, best[item]);
                        best[item] = 0;
                    }
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(touched);
                ArrayPool<int>.Shared.Return(best);
            }

            return hits;
        }

        public int Id(int item) => _ids[item];

        public ContentKind Kind(int item) => _kinds[item];

        /// <summary>Orders two hits: every term first, then by where the terms are (title, summary, body), then newest, then by title.</summary>
        public int Compare(int a, int b, int[] matched, int[] score)
        {
            var order = matched[b].CompareTo(matched[a]);
            if (order == 0)
            {
                order = score[b].CompareTo(score[a]);
            }

            if (order == 0)
            {
                order = _publishAt[b].CompareTo(_publishAt[a]);
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(_titles[a], _titles[b]);
            }

            return order == 0 ? _ids[a].CompareTo(_ids[b]) : order;
        }

        /// <summary>The first term not before <paramref name="term"/> in ordinal order: where its matches begin.</summary>
        private int FirstAtOrAfter(string term)
        {
            var index = Array.BinarySearch(_terms, term, StringComparer.Ordinal);
            return index >= 0 ? index : ~index;
        }
    }
}

/// <summary>
/// The items that answer a search, scored: how many of each kind, and any page of them in rank
/// order. Holds pooled arrays, so it is disposed of once the page is chosen.
/// </summary>
public sealed class SearchHits : IDisposable
{
    private readonly SearchRanking.Snapshot _index;
    private readonly int[] _hits;
    private readonly int[] _matched;
    private readonly int[] _score;
    private int _count;

    internal SearchHits(SearchRanking.Snapshot index)
    {
        _index = index;
        _hits = ArrayPool<int>.Shared.Rent(index.Count);
        _matched = SearchRanking.Rent(index.Count);
        _score = SearchRanking.Rent(index.Count);
    }

    /// <summary>One query term found in an item, in its best field of this weight.</summary>
    internal void Add(int item, int weight)
    {
        if (_matched[item] == 0)
        {
            _hits[_count++] = item;
        }

        _matched[item]++;
        _score[item] += weight;
    }

    public Dictionary<ContentKind, int> CountByKind()
    {
        // Counted by the kind's number, not in a dictionary: a common word is in thousands of items.
        Span<int> perKind = stackalloc int[ContentKinds.All.Count];
        for (var i = 0; i < _count; i++)
        {
            perKind[(int)_index.Kind(_hits[i])]++;
        }

        var counts = new Dictionary<ContentKind, int>();
        foreach (var kind in ContentKinds.All)
        {
            if (perKind[(int)kind] > 0)
            {
                counts[kind] = perKind[(int)kind];
            }
        }

        return counts;
    }

    /// <summary>The ids of one page of the hits of one kind (or all), best first.</summary>
    public List<int> Page(ContentKind? kind, int skip, int take)
    {
        // Only the best skip + take are put in order: the rest of thousands of hits only need to be worse.
        var wanted = skip + take;
        var worstFirst = new PriorityQueue<int, int>(wanted + 1, Comparer<int>.Create((a, b) => _index.Compare(b, a, _matched, _score)));
        for (var i = 0; i < _count; i++)
        {
            var item = _hits[i];
            if (kind is { } only && _index.Kind(item) != only)
            {
                continue;
            }

            if (worstFirst.Count < wanted)
            {
                worstFirst.Enqueue(item, item);
            }
            else if (_index.Compare(item, worstFirst.Peek(), _matched, _score) < 0)
            {
                worstFirst.EnqueueDequeue(item, item);
            }
        }

        var best = new int[worstFirst.Count];
        for (var i = best.Length - 1; i >= 0; i--)
        {
            best[i] = _index.Id(worstFirst.Dequeue());
        }

        return [.. best.Skip(skip).Take(take)];
    }

    public void Dispose()
    {
        _count = 0;
        ArrayPool<int>.Shared.Return(_hits);
        ArrayPool<int>.Shared.Return(_matched);
        ArrayPool<int>.Shared.Return(_score);
    }
}
