using Ganss.Xss;
using Markdig;

namespace JobQuality.Web.Content;

/// <summary>
/// The site's one Markdown pipeline. Content is untrusted: what Markdig renders is sanitised, and
/// only http, https, mailto and relative addresses survive in links and images.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseTaskLists()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseFootnotes()
        .UseListExtras()
        .Build();

    /// <summary>
    /// One sanitiser for the whole site. Its <c>Sanitize</c> is thread-safe once it is configured
    /// (HtmlSanitizer's documented guarantee), so the import's bodies rendered side by side share it.
    /// </summary>
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var html = Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
                "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
                "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "section", "small", "span",
                "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "alt", "checked", "class", "colspan", "disabled", "height", "href", "id", "lang", "rowspan", "scope",
                "src", "start", "title", "type", "width",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        var sanitizer = new HtmlSanitizer(options);

        // Task lists are the one use of <input>: a disabled checkbox, nothing a visitor can submit.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "input" } input)
            {
                if (!string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
                {
                    input.Remove();
                    return;
                }

                input.SetAttribute("disabled", "disabled");
            }
        };
        return sanitizer;
    }
}
