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
/// A search page cuts a passage from each of its answers' bodies, so a word is tested without
/// copying it: most words are ASCII, and for those folding is lower-casing.
/// </remarks>
public static class Highlighter
{
    public const int SnippetLength = 240;

    /// <summary>The whole text, with its matching words marked.</summary>
    public static IReadOnlyList<TextSegment> Mark(string text, IReadOnlyList<string> terms) => Mark(text, 0, text.Length, terms);

    /// <summary>True when any word of the text answers one of the terms.</summary>
    public static bool HasMatch(string text, IReadOnlyList<string> terms) => FirstMatch(text, terms) >= 0;

    /// <summary>About <see cref="SnippetLength"/> characters around the first match, with an ellipsis where text was cut.</summary>
    public static IReadOnlyList<TextSegment> Snippet(string text, IReadOnlyList<string> terms)
    {
        if (text.Length <= SnippetLength)
        {
            return Mark(text, terms);
        }

        var start = 0;
        var first = FirstMatch(text, terms);
        if (first > SnippetLength / 3)
        {
            // Start at a word boundary a little before the first match, so it is read in context.
            var wanted = first - (SnippetLength / 3);
            start = Words(text, 0).First(w => w.Start >= wanted).Start;
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            // The last whole word that fits.
            var lastEnd = 0;
            foreach (var (wordStart, length) in Words(text, start))
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
    private static int FirstMatch(string text, IReadOnlyList<string> terms)
    {
        foreach (var (start, length) in Words(text, 0))
        {
            if (IsMatch(text.AsSpan(start, length), terms))
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>The words of text[start..end] marked, where start is the start of a word or 0.</summary>
    private static List<TextSegment> Mark(string text, int start, int end, IReadOnlyList<string> terms)
    {
        var segments = new List<TextSegment>();
        var position = start;
        foreach (var (wordStart, length) in Words(text, start))
        {
            if (wordStart + length > end)
            {
                break;
            }

            if (!IsMatch(text.AsSpan(wordStart, length), terms))
            {
                continue;
            }

            if (wordStart > position)
            {
                segments.Add(new TextSegment(text[position..wordStart], false));
            }

            segments.Add(new TextSegment(text.Substring(wordStart, length), true));
            position = wordStart + length;
        }

        if (position < end)
        {
            segments.Add(new TextSegment(text[position..end], false));
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

    /// <summary>Runs of letters and digits (with their combining marks), as the index splits them, from the start of a word (or 0) on.</summary>
    private static IEnumerable<(int Start, int Length)> Words(string text, int from)
    {
        var start = -1;
        for (var i = from; i < text.Length; i++)
        {
            var inWord = char.IsLetterOrDigit(text[i])
                || (start >= 0 && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }

        if (start >= 0)
        {
            yield return (start, text.Length - start);
        }
    }
}
