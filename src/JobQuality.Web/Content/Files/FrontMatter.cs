using System.Globalization;
using System.Text.RegularExpressions;
using JobQuality.Web.Topics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JobQuality.Web.Content.Files;

/// <summary>
/// The YAML block at the top of a content file, read key by key. Every getter checks its value and
/// records a problem (with the file's line number) instead of throwing, so one pass reports them all.
/// </summary>
public sealed partial class FrontMatter
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<ContentFileProblem> _problems;
    private readonly string _file;

    private FrontMatter(string file, List<ContentFileProblem> problems)
    {
        _file = file;
        _problems = problems;
    }

    /// <summary>Splits a file into front matter and body; null when the front matter cannot be read at all.</summary>
    public static (FrontMatter? FrontMatter, string Body) Parse(string file, string text, List<ContentFileProblem> problems)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            problems.Add(new(file, 1, "the file must start with a line '---' that opens the front matter"));
            return (null, string.Empty);
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            problems.Add(new(file, 1, "the front matter opened on line 1 is never closed by a line '---'"));
            return (null, string.Empty);
        }

        var yaml = string.Join('\n', lines[1..close]);
        var body = string.Join('\n', lines[(close + 1)..]).Trim('\n', '\r', ' ', '\t');
        var frontMatter = new FrontMatter(file, problems);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                problems.Add(new(file, 2, "the front matter must be a list of 'key: value' lines"));
                return (null, body);
            }

            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                var line = FileLine(keyNode.Start);
                if (!frontMatter._values.TryAdd(key, value))
                {
                    problems.Add(new(file, line, $"the key '{key}' appears twice"));
                    continue;
                }

                frontMatter._lines[key] = line;
            }
        }
        catch (YamlException ex)
        {
            problems.Add(new(file, FileLine(ex.Start), $"malformed YAML: {FirstLine(ex.Message)}"));
            return (null, body);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner gives up this way on some unterminated constructs, without a position.
            problems.Add(new(file, null, $"malformed YAML: {FirstLine(ex.Message)}"));
            return (null, body);
        }
        catch (InvalidCastException)
        {
            problems.Add(new(file, 2, "malformed YAML: every key must be plain text"));
            return (null, body);
        }

        return (frontMatter, body);
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public string? Text(string key, bool required = false, int maxLength = int.MaxValue)
    {
        var value = Scalar(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Problem(key, Has(key) ? $"'{key}' is empty" : $"'{key}' is missing");
            }

            return null;
        }

        value = value.Trim();
        if (value.Length > maxLength)
        {
            Problem(key, $"'{key}' is {value.Length} characters long; at most {maxLength} are allowed");
        }

        return value;
    }

    public IReadOnlyList<string> List(string key)
    {
        _read.Add(key);
        if (!_values.TryGetValue(key, out var node))
        {
            return [];
        }

        switch (node)
        {
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var child in sequence.Children)
                {
                    if (child is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                    {
                        items.Add(text.Trim());
                    }
                    else
                    {
                        Problem(key, $"each entry of '{key}' must be plain text");
                    }
                }

                return items;
            case YamlScalarNode { Value: var single }:
                return string.IsNullOrWhiteSpace(single) ? [] : [single.Trim()];
            default:
                Problem(key, $"'{key}' must be a list such as [a, b]");
                return [];
        }
    }

    public IReadOnlyList<T> Terms<T>(string key, IReadOnlyList<T> known)
        where T : TaxonomyTerm
    {
        var found = new List<T>();
        foreach (var slug in List(key))
        {
            var term = known.FirstOrDefault(t => t.Slug == slug);
            if (term is null)
            {
                Problem(key, $"unknown {Describe(key)} '{slug}' (known: {string.Join(", ", known.Select(t => t.Slug))})");
            }
            else if (!found.Contains(term))
            {
                found.Add(term);
            }
        }

        return found;
    }

    public T? Term<T>(string key, IReadOnlyList<T> known)
        where T : TaxonomyTerm
    {
        var slug = Text(key);
        if (slug is null)
        {
            return null;
        }

        var term = known.FirstOrDefault(t => t.Slug == slug);
        if (term is null)
        {
            Problem(key, $"unknown {Describe(key)} '{slug}' (known: {string.Join(", ", known.Select(t => t.Slug))})");
        }

        return term;
    }

    public TEnum Choice<TEnum>(string key, TEnum fallback)
        where TEnum : struct, Enum
    {
        var value = Text(key);
        if (value is null)
        {
            return fallback;
        }

        if (EnumSlugs.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        Problem(key, $"'{key}' is '{value}'; use one of {string.Join(", ", EnumSlugs.All<TEnum>())}");
        return fallback;
    }

    public string? WebAddress(string key)
    {
        var value = Text(key);
        if (value is not null && !ContentRules.IsValidWebAddress(value))
        {
            Problem(key, $"'{key}' is '{value}', which is not an http or https address");
            return null;
        }

        return value;
    }

    /// <summary>A web address or an address on this site, such as an uploaded file.</summary>
    public string? Link(string key)
    {
        var value = Text(key);
        if (value is not null && !ContentRules.IsValidLink(value))
        {
            Problem(key, $"'{key}' is '{value}', which is neither an http(s) address nor an address on this site starting with /");
            return null;
        }

        return value;
    }

    public DateOnly? Date(string key)
    {
        var value = Text(key);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Problem(key, $"'{key}' is '{value}', which is not a date such as 2025-03-04");
        return null;
    }

    public int? Number(string key, int min, int max)
    {
        var value = Text(key);
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Problem(key, $"'{key}' is '{value}'; give a whole number from {min} to {max}");
            return null;
        }

        return number;
    }

    public bool Flag(string key)
    {
        var value = Text(key);
        switch (value?.ToUpperInvariant())
        {
            case null or "FALSE" or "NO":
                return false;
            case "TRUE" or "YES":
                return true;
            default:
                Problem(key, $"'{key}' is '{value}'; use true or false");
                return false;
        }
    }

    /// <summary>A date (midnight UTC) or a date and time with its UTC offset.</summary>
    public DateTimeOffset? Moment(string key)
    {
        var value = Text(key);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (HasOffset().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            return moment;
        }

        Problem(key, $"'{key}' is '{value}', which is not a date (2025-03-04) or a date and time with its offset (2025-03-04T14:00:00-05:00)");
        return null;
    }

    public void Problem(string key, string message) =>
        _problems.Add(new(_file, _lines.TryGetValue(key, out var line) ? line : null, message));

    /// <summary>Reports every key no getter asked for: a typo must not pass silently.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var key in _values.Keys.Where(k => !_read.Contains(k)))
        {
            Problem(key, $"unknown key '{key}'");
        }
    }

    private string? Scalar(string key)
    {
        _read.Add(key);
        if (!_values.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Problem(key, $"'{key}' must be a single value, not a list");
        return null;
    }

    private static string Describe(string key) => key switch
    {
        "dimensions" => "dimension",
        "audiences" => "audience (field of practice)",
        "field" => "field of practice",
        _ => key,
    };

    // The front matter starts on the file's second line.
    private static int FileLine(Mark mark) => (int)mark.Line + 1;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex HasOffset();
}
