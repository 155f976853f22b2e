using JobQuality.Web.Exemplars;
using JobQuality.Web.Research;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Topics;
using JobQuality.Web.Webinars;

namespace JobQuality.Web.Content.Files;

/// <summary>An item read from a file, with the taxonomy terms it names, not yet in the database.</summary>
public sealed record ContentFile(
    string File,
    ContentItem Item,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<string> Audiences,
    bool HasPublishTime);

/// <summary>Reads content/{kind}/*.md into items, reporting every problem it finds.</summary>
public static class ContentFileReader
{
    private const string PublishedKey = "published";

    public static (List<ContentFile> Files, List<ContentFileProblem> Problems) ReadFolder(string root, DateTime utcNow)
    {
        var files = new List<ContentFile>();
        var problems = new List<ContentFileProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new(root, null, "the content folder does not exist"));
            return (files, problems);
        }

        var paths = ContentKinds.All
            .Select(kind => (Kind: kind, Folder: Path.Combine(root, kind.Segment())))
            .Where(k => Directory.Exists(k.Folder))
            .SelectMany(k => Directory.EnumerateFiles(k.Folder, "*.md").Order(StringComparer.Ordinal).Select(path => (k.Kind, Path: path)))
            .ToList();

        // Files are read and parsed side by side, each on its own; results keep the folders' order.
        var read = new (ContentFile? File, List<ContentFileProblem> Problems)[paths.Count];
        Parallel.For(0, paths.Count, SideBySide.OnEveryCore, i =>
        {
            var (kind, path) = paths[i];
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            var fileProblems = new List<ContentFileProblem>();
            read[i] = (Read(kind, name, File.ReadAllText(path), utcNow, fileProblems), fileProblems);
        });

        foreach (var (file, fileProblems) in read)
        {
            problems.AddRange(fileProblems);
            if (file is not null && fileProblems.Count == 0)
            {
                files.Add(file);
            }
        }

        // A slug names one item of a kind: two files claiming it are both reported, neither imported.
        foreach (var clash in files.GroupBy(f => (f.Item.Kind, f.Item.Slug)).Where(g => g.Count() > 1).ToList())
        {
            var names = clash.Select(f => f.File).ToList();
            foreach (var file in clash)
            {
                problems.Add(new(file.File, null,
                    $"duplicate slug '{clash.Key.Slug}': {string.Join(" and ", names)} both claim it"));
                files.Remove(file);
            }
        }

        return (files, problems);
    }

    /// <summary>Reads one file; returns null when nothing usable could be read.</summary>
    public static ContentFile? Read(ContentKind kind, string name, string text, DateTime utcNow, List<ContentFileProblem> problems)
    {
        var (fm, body) = FrontMatter.Parse(name, text, problems);
        if (fm is null)
        {
            return null;
        }

        var slug = fm.Text("slug") ?? Path.GetFileNameWithoutExtension(name);
        if (!ContentRules.IsValidSlug(slug))
        {
            if (fm.Has("slug"))
            {
                fm.Problem("slug", $"the slug '{slug}' may hold only lower-case letters, digits and single hyphens");
            }
            else
            {
                problems.Add(new(name, null, $"the file name '{slug}' is not a valid slug: use lower-case letters, digits and single hyphens, or give 'slug:'"));
            }
        }

        var title = fm.Text("title", required: true, maxLength: ContentRules.TitleMaxLength) ?? string.Empty;
        var summary = fm.Text("summary", required: true, maxLength: ContentRules.SummaryMaxLength) ?? string.Empty;
        var dimensions = fm.Terms("dimensions", Taxonomy.Dimensions).Select(d => d.Slug).ToList();
        var published = fm.Moment(PublishedKey);
        var draft = fm.Choice("status", ContentStatus.Published) == ContentStatus.Draft;
        var isExample = fm.Flag("example");
        var reviewBy = fm.Date("review-by");
        IReadOnlyList<string> audiences = [];

        ContentItem item = kind switch
        {
            ContentKind.Exemplar => new Exemplar
            {
                Slug = slug, Title = title, Summary = summary,
                Organization = fm.Text("organization", maxLength: 200),
                Location = fm.Text("location", maxLength: 200),
                FieldSlug = fm.Term("field", Taxonomy.FieldsOfPractice)?.Slug,
                Profile = fm.Choice("kind", ExemplarProfile.Organization),
                Website = fm.WebAddress("website"),
                ImageUrl = fm.Link("image"),
            },
            ContentKind.ToolkitResource => new ToolkitResource
            {
                Slug = slug, Title = title, Summary = summary,
                Type = fm.Choice("type", ResourceType.Guide),
                Url = fm.WebAddress("url"),
            },
            ContentKind.Research => new ResearchPublication
            {
                Slug = slug, Title = title, Summary = summary,
                Type = fm.Choice("type", ResearchType.Report),
                Authors = [.. fm.List("authors")],
                PublicationDate = published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null,
                Url = fm.WebAddress("url"),
                PdfUrl = fm.Link("pdf"),
            },
            ContentKind.Webinar => ReadWebinar(fm, slug, title, summary),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        if (item is ToolkitResource)
        {
            audiences = fm.Terms("audiences", Taxonomy.FieldsOfPractice).Select(f => f.Slug).ToList();
        }

        fm.ReportUnknownKeys();

        item.Body = body;
        item.IsExample = isExample;
        item.ReviewBy = reviewBy;
        item.PublishAt = published?.UtcDateTime ?? (draft ? null : utcNow);
        item.Status = draft ? ContentStatus.Draft
            : item.PublishAt > utcNow ? ContentStatus.Scheduled
            : ContentStatus.Published;
        return new ContentFile(name, item, dimensions, audiences, published is not null);
    }

    private static Webinar ReadWebinar(FrontMatter fm, string slug, string title, string summary)
    {
        var webinar = new Webinar
        {
            Slug = slug, Title = title, Summary = summary,
            DurationMinutes = fm.Number("duration", 5, 24 * 60) ?? 60,
            Capacity = fm.Number("capacity", 1, 1_000_000),
            Speakers = [.. fm.List("speakers")],
            RecordingUrl = fm.WebAddress("recording"),
            SlidesUrl = fm.WebAddress("slides"),
            TranscriptUrl = fm.WebAddress("transcript"),
        };

        var zoneId = fm.Text("timezone", required: true);
        TimeZoneInfo? zone = null;
        if (zoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            fm.Problem("timezone", $"unknown time zone '{zoneId}'; use an IANA name such as America/New_York");
        }

        var starts = fm.Moment("starts");
        if (starts is null && !fm.Has("starts"))
        {
            fm.Problem("starts", "'starts' is missing");
        }

        if (starts is { } start && zone is not null)
        {
            // The offset written in the file must be the zone's at that moment; a mismatch is a typo in one of them.
            var expected = zone.GetUtcOffset(start.UtcDateTime);
            if (start.Offset != expected)
            {
                fm.Problem("starts", $"'starts' gives the offset {WebinarTimes.FormatOffset(start.Offset)}, " +
                    $"but {zoneId} is at {WebinarTimes.FormatOffset(expected)} on that date");
            }
        }

        webinar.RegistrationClosesUtc = fm.Moment("registration-closes")?.UtcDateTime;
        webinar.StartsUtc = starts?.UtcDateTime ?? default;
        webinar.TimeZone = zoneId ?? string.Empty;
        return webinar;
    }
}
