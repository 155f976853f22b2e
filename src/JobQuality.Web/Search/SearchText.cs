using System.Globalization;
using System.Text;

namespace JobQuality.Web.Search;

/// <summary>
/// Turns text into the terms the index holds and a query looks for: lower case, without
/// diacritics, split on anything that is not a letter or a digit. The same code serves both
/// sides, so a word is found however it was typed.
/// </summary>
public static class SearchText
{
    /// <summary>Longer queries are cut here: nobody types more, and each term costs a clause.</summary>
    public const int MaxQueryLength = 200;

    public const int MaxQueryTerms = 8;

    /// <summary>Shorter query terms must match a whole word; longer ones also match words they begin.</summary>
    public const int MinPrefixLength = 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
        "that", "the", "this", "to", "was", "with",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The distinct terms of a text, in order of first appearance, without stop words.</summary>
    public static IEnumerable<string> Terms(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (Take(word) is { } term)
            {
                yield return term;
            }
        }

        if (Take(word) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>What a visitor typed, made into at most <see cref="MaxQueryTerms"/> distinct terms.</summary>
    public static IReadOnlyList<string> QueryTerms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var capped = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        return Terms(capped).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();
    }

    /// <summary>True when a word of the text answers a query term, by the same rule the database applies.</summary>
    public static bool Matches(ReadOnlySpan<char> term, string queryTerm) =>
        queryTerm.Length >= MinPrefixLength
            ? term.StartsWith(queryTerm, StringComparison.Ordinal)
            : term.SequenceEqual(queryTerm);

    /// <summary>True for the short words no term is made of.</summary>
    public static bool IsStopWord(ReadOnlySpan<char> term) => StopWordLookup.Contains(term);

    /// <summary>The first term after every term that <paramref name="prefix"/> begins, in ordinal order.</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>Lower case without diacritics, one output character per input character where possible.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'ß': folded.Append("ss"); break;
                case 'æ' or 'Æ': folded.Append("ae"); break;
                case 'œ' or 'Œ': folded.Append("oe"); break;
                case 'ø' or 'Ø': folded.Append('o'); break;
                case 'ł' or 'Ł': folded.Append('l'); break;
                case 'đ' or 'Đ': folded.Append('d'); break;
                case 'ı': folded.Append('i'); break;
                default: folded.Append(char.ToLowerInvariant(c)); break;
            }
        }

        return folded.ToString();
    }

    private static string? Take(StringBuilder word)
    {
        if (word.Length == 0)
        {
            return null;
        }

        var term = word.Length > SearchTerm.MaxLength ? word.ToString(0, SearchTerm.MaxLength) : word.ToString();
        word.Clear();
        return IsStopWord(term) ? null : term;
    }
}
