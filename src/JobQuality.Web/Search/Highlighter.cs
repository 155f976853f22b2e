using System.Buffers;
using Microsoft.AspNetCore.Html;

namespace JobQuality.Web.Search;

/// <summary>A piece of text, marked when it is a word the visitor searched for.</summary>
public sealed record TextSegment(string Text, bool IsMatch)
{
    /// <summary>The pieces as HTML: every piece of text is encoded; only the &lt;mark&gt; elements are markup.</summary>
    public static IHtmlContent ToHtml(IEnumerable<TextSegment> segments)
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in segments)
        {
            if (segment.IsMatch)
            {
                html.AppendHtml("<mark>").Append(segment.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(segment.Text);
            }
        }

        return html;
    }
}

/// <summary>Cuts a passage around the first match and marks the words that answer the query.</summary>
/// <remarks>
/// A search page cuts a passage from each of its answers' bodies, so the text is read as a span and
/// a word is tested without copying it: most words are ASCII, and for those folding is lower-casing.
/// Only the pieces of the passage become strings.
/// </remarks>
public static class Highlighter
{
    public const int SnippetLength = 240;

    /// <summary>The whole text, with its matching words marked.</summary>
    public static IReadOnlyList<TextSegment> Mark(string text, IReadOnlyList<string> terms) => Mark(text, 0, text.Length, terms);

    /// <summary>True when any word of the text answers one of the terms.</summary>
    public static bool HasMatch(string text, IReadOnlyList<string> terms) => FirstMatch(text, terms) >= 0;

    /// <summary>About <see cref="SnippetLength"/> characters around the first match, with an ellipsis where text was cut.</summary>
    public static IReadOnlyList<TextSegment> Snippet(string text, IReadOnlyList<string> terms) => Snippet(text, FirstMatch(text, terms), terms);

    /// <summary>
    /// A passage of a body's text (<see cref="SearchIndex.PlainText(string?)"/>) around its first
    /// match, or null when it has none. The text is taken apart in a pooled buffer: a search page does
    /// this for each answer whose summary has no match, and a copy of each whole text was a fifth of
    /// what the page allocated.
    /// </summary>
    public static IReadOnlyList<TextSegment>? BodyPassage(string bodyHtml, IReadOnlyList<string> terms)
    {
        if (bodyHtml.Contains('&', StringComparison.Ordinal))
        {
            // Character references are decoded by a routine that takes and returns strings.
            var decoded = SearchIndex.PlainText(bodyHtml);
            var at = FirstMatch(decoded, terms);
            return at < 0 ? null : Snippet(decoded, at, terms);
        }

        var buffer = ArrayPool<char>.Shared.Rent(bodyHtml.Length);
        try
        {
            ReadOnlySpan<char> text = buffer.AsSpan(0, SearchIndex.PlainText(bodyHtml, buffer));
            var first = FirstMatch(text, terms);
            return first < 0 ? null : Snippet(text, first, terms);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static List<TextSegment> Snippet(ReadOnlySpan<char> text, int first, IReadOnlyList<string> terms)
    {
        if (text.Length <= SnippetLength)
        {
            return Mark(text, 0, text.Length, terms);
        }

        var start = 0;
        if (first > SnippetLength / 3)
        {
            // Start at a word boundary a little before the first match, so it is read in context.
            var wanted = first - (SnippetLength / 3);
            foreach (var (wordStart, _) in new Words(text, 0))
            {
                if (wordStart >= wanted)
                {
                    start = wordStart;
                    break;
                }
            }
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            // The last whole word that fits.
            var lastEnd = 0;
            foreach (var (wordStart, length) in new Words(text, start))
            {
                if (wordStart + length > end)
                {
                    break;
                }

                if (wordStart > start)
                {
                    lastEnd = wordStart + length;
                }
            }

            end = lastEnd > 0 ? lastEnd : end;
        }

        var segments = new List<TextSegment>();
        if (start > 0)
        {
            segments.Add(new TextSegment("… ", false));
        }

        segments.AddRange(Mark(text, start, end, terms));
        if (end < text.Length)
        {
            segments.Add(new TextSegment(" …", false));
        }

        return segments;
    }

    /// <summary>Where the first word that answers a term begins, or -1.</summary>
    private static int FirstMatch(ReadOnlySpan<char> text, IReadOnlyList<string> terms)
    {
        foreach (var (start, length) in new Words(text, 0))
        {
            if (IsMatch(text.Slice(start, length), terms))
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>The words of text[start..end] marked, where start is the start of a word or 0.</summary>
    private static List<TextSegment> Mark(ReadOnlySpan<char> text, int start, int end, IReadOnlyList<string> terms)
    {
        var segments = new List<TextSegment>();
        var position = start;
        foreach (var (wordStart, length) in new Words(text, start))
        {
            if (wordStart + length > end)
            {
                break;
            }

            if (!IsMatch(text.Slice(wordStart, length), terms))
            {
                continue;
            }

            if (wordStart > position)
            {
                segments.Add(new TextSegment(text[position..wordStart].ToString(), false));
            }

            segments.Add(new TextSegment(text.Slice(wordStart, length).ToString(), true));
            position = wordStart + length;
        }

        if (position < end)
        {
            segments.Add(new TextSegment(text[position..end].ToString(), false));
        }

        return segments;
    }

    private static bool IsMatch(ReadOnlySpan<char> word, IReadOnlyList<string> terms)
    {
        if (!System.Text.Ascii.IsValid(word))
        {
            return IsFoldedMatch(word.ToString(), terms);
        }

        // What SearchText.Terms makes of an ASCII word: the word in lower case, cut to a term's length.
        var length = Math.Min(word.Length, SearchTerm.MaxLength);
        Span<char> folded = stackalloc char[SearchTerm.MaxLength];
        System.Text.Ascii.ToLower(word[..length], folded, out _);
        ReadOnlySpan<char> term = folded[..length];
        if (SearchText.IsStopWord(term))
        {
            return false;
        }

        // By index: this runs for every word of a passage, and an enumerator would be garbage each time.
        for (var i = 0; i < terms.Count; i++)
        {
            if (SearchText.Matches(term, terms[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word with letters beyond ASCII, folded as the index folds it.</summary>
    private static bool IsFoldedMatch(string word, IReadOnlyList<string> terms) =>
        SearchText.Terms(word).Any(w => terms.Any(t => SearchText.Matches(w, t)));

    /// <summary>
    /// Runs of letters and digits (with their combining marks), as the index splits them, from the
    /// start of a word (or 0) on: each as its start and length.
    /// </summary>
    private ref struct Words(ReadOnlySpan<char> text, int from)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _next = from;

        public (int Start, int Length) Current { get; private set; }

        public readonly Words GetEnumerator() => this;

        public bool MoveNext()
        {
            var start = -1;
            for (var i = _next; i < _text.Length; i++)
            {
                var inWord = char.IsLetterOrDigit(_text[i])
                    || (start >= 0 && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(_text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
                if (inWord && start < 0)
                {
                    start = i;
                }
                else if (!inWord && start >= 0)
                {
                    Current = (start, i - start);
                    _next = i + 1;
                    return true;
                }
            }

            _next = _text.Length;
            if (start >= 0)
            {
                Current = (start, _text.Length - start);
                return true;
            }

            return false;
        }
    }
}
