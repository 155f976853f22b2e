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
public static class Highlighter
{
    public const int SnippetLength = 240;

    /// <summary>The whole text, with its matching words marked.</summary>
    public static IReadOnlyList<TextSegment> Mark(string text, IReadOnlyList<string> terms) => Mark(text, 0, text.Length, terms);

    /// <summary>True when any word of the text answers one of the terms.</summary>
    public static bool HasMatch(string text, IReadOnlyList<string> terms) =>
        Words(text).Any(w => IsMatch(text.Substring(w.Start, w.Length), terms));

    /// <summary>About <see cref="SnippetLength"/> characters around the first match, with an ellipsis where text was cut.</summary>
    public static IReadOnlyList<TextSegment> Snippet(string text, IReadOnlyList<string> terms)
    {
        if (text.Length <= SnippetLength)
        {
            return Mark(text, terms);
        }

        var words = Words(text).ToList();
        var first = words.FirstOrDefault(w => IsMatch(text.Substring(w.Start, w.Length), terms));
        var start = 0;
        if (first.Length > 0 && first.Start > SnippetLength / 3)
        {
            // Start at a word boundary a little before the first match, so it is read in context.
            var wanted = first.Start - (SnippetLength / 3);
            start = words.First(w => w.Start >= wanted).Start;
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            var lastWord = words.LastOrDefault(w => w.Start + w.Length <= end && w.Start > start);
            end = lastWord.Length > 0 ? lastWord.Start + lastWord.Length : end;
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

    private static List<TextSegment> Mark(string text, int start, int end, IReadOnlyList<string> terms)
    {
        var segments = new List<TextSegment>();
        var position = start;
        foreach (var (wordStart, length) in Words(text))
        {
            if (wordStart < start || wordStart + length > end)
            {
                continue;
            }

            var word = text.Substring(wordStart, length);
            if (!IsMatch(word, terms))
            {
                continue;
            }

            if (wordStart > position)
            {
                segments.Add(new TextSegment(text[position..wordStart], false));
            }

            segments.Add(new TextSegment(word, true));
            position = wordStart + length;
        }

        if (position < end)
        {
            segments.Add(new TextSegment(text[position..end], false));
        }

        return segments;
    }

    private static bool IsMatch(string word, IReadOnlyList<string> terms) =>
        SearchText.Terms(word).Any(w => terms.Any(t => SearchText.Matches(w, t)));

    /// <summary>Runs of letters and digits (with their combining marks), as the index splits them.</summary>
    private static IEnumerable<(int Start, int Length)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
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
