using JobQuality.Web.Search;

namespace JobQuality.Web.Tests;

/// <summary>The passage under each search result: where it is cut, and which words are marked.</summary>
public sealed class HighlighterTests
{
    private static string Marked(IEnumerable<TextSegment> segments) =>
        string.Concat(segments.Select(s => s.IsMatch ? $"[{s.Text}]" : s.Text));

    [Fact]
    public void A_long_text_is_cut_to_a_passage_around_its_first_match_on_word_boundaries()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler words about nothing much", 30))
            + " then Scheduling appears here, " + string.Join(' ', Enumerable.Repeat("and more trailing text", 30));

        var passage = Marked(Highlighter.Snippet(text, ["schedul"]));

        Assert.StartsWith("… ", passage, StringComparison.Ordinal);
        Assert.EndsWith(" …", passage, StringComparison.Ordinal);
        Assert.Contains("then [Scheduling] appears here", passage, StringComparison.Ordinal);
        var body = passage[2..^2];
        Assert.InRange(body.Length, Highlighter.SnippetLength - 40, Highlighter.SnippetLength + 2);
        Assert.Contains(body.Split(' ')[0], text.Split(' '));
        Assert.Contains(body.Split(' ')[^1], text.Split(' '));
    }

    [Fact]
    public void A_short_text_is_shown_whole_with_every_match_marked()
    {
        Assert.Equal("[Wages] and [wage] floors, not [wagers]?", Marked(Highlighter.Snippet("Wages and wage floors, not wagers?", ["wage"])));
    }

    [Fact]
    public void Stop_words_and_words_shorter_than_a_prefix_are_not_marked()
    {
        // "thi" would begin "this", but "this" is never a term; "pa" must match a whole word.
        Assert.Equal("This [thinking] is pay, not [pa].", Marked(Highlighter.Mark("This thinking is pay, not pa.", ["thi", "pa"])));
    }

    [Fact]
    public void Accents_and_case_do_not_hide_a_match()
    {
        Assert.Equal("A [Café] and a [CAFÉ] and [cafe]", Marked(Highlighter.Mark("A Café and a CAFÉ and cafe", ["cafe"])));
        Assert.True(Highlighter.HasMatch("Straße", ["strasse"]));
        Assert.False(Highlighter.HasMatch("Nothing to see", ["cafe"]));
    }

    [Fact]
    public void A_word_longer_than_a_term_matches_by_its_first_characters()
    {
        var word = new string('a', 80);
        Assert.Equal($"x [{word}] y", Marked(Highlighter.Mark($"x {word} y", [new string('a', 64)])));
    }

    [Theory]
    [InlineData("<p>Predictable <strong>schedules</strong> help.</p>")]
    [InlineData("<p>Fair pay &amp; predictable <em>schedules</em>.</p>")]
    [InlineData("<h2>Long</h2><p>{filler}</p><ul><li>then <a href=\"/x\">schedules</a> appear</li></ul><p>{filler}</p>")]
    [InlineData("<p>{filler} &lt;scheduling&gt; {filler}</p>")]
    public void A_passage_from_a_body_is_cut_from_the_text_a_reader_sees(string html)
    {
        var filler = string.Join(' ', Enumerable.Repeat("words about pay and hours", 20));
        html = html.Replace("{filler}", filler, StringComparison.Ordinal);

        var passage = Highlighter.BodyPassage(html, ["schedul"]);

        Assert.NotNull(passage);
        Assert.Equal(Marked(Highlighter.Snippet(SearchIndex.PlainText(html), ["schedul"])), Marked(passage));
        Assert.Contains(passage, s => s.IsMatch && s.Text.StartsWith("schedul", StringComparison.Ordinal));
        Assert.DoesNotContain(passage, s => s.Text.Contains("<p", StringComparison.Ordinal) || s.Text.Contains("<a", StringComparison.Ordinal) || s.Text.Contains("</", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_without_the_words_gives_no_passage()
    {
        Assert.Null(Highlighter.BodyPassage("<p>Nothing about <em>time</em> here.</p>", ["schedul"]));
        Assert.Null(Highlighter.BodyPassage("<p>Nor here &amp; there.</p>", ["schedul"]));
    }

    [Theory]
    [InlineData("<p>One <em>two</em></p>\n<p>three&nbsp;four &amp; five</p>", "One two three\u00a0four & five")]
    [InlineData("  <h2>Title</h2>\t\n <ul><li>a</li><li>b</li></ul>  ", "Title a b")]
    [InlineData("a < b and c > d", "a d")]
    [InlineData("x <y", "x <y")]
    [InlineData("", "")]
    public void The_text_of_a_body_is_what_a_reader_sees_with_tags_as_spaces(string html, string text)
    {
        Assert.Equal(text, SearchIndex.PlainText(html));
    }
}
