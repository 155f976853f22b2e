using System.Globalization;
using System.Text;
using JobQuality.Web.Data;
using JobQuality.Web.Exemplars;
using JobQuality.Web.Research;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Serialization;

namespace JobQuality.Web.Content.Files;

/// <summary>Writes the database's content back out as files that <see cref="ContentImporter"/> reads.</summary>
public sealed class ContentExporter(JobQualityDbContext db)
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public async Task<int> ExportAsync(string root, CancellationToken cancellationToken)
    {
        var items = await db.Content.AsNoTracking().AsSplitQuery()
            .Include(c => c.Dimensions)
            .Include(c => ((ToolkitResource)c).Audiences)
            .OrderBy(c => c.Kind).ThenBy(c => c.Slug)
            .ToListAsync(cancellationToken);

        foreach (var item in items)
        {
            var folder = Path.Combine(root, item.Kind.Segment());
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, item.Slug + ".md"), ToFile(item), Encoding.UTF8, cancellationToken);
        }

        return items.Count;
    }

    public static string ToFile(ContentItem item)
    {
        var front = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["title"] = item.Title,
            ["summary"] = item.Summary,
        };
        if (item.Dimensions.Count > 0)
        {
            front["dimensions"] = item.Dimensions.OrderBy(d => d.Position).Select(d => d.Slug).ToList();
        }

        // Research's publication date is its `published`; for the other kinds it is the publish time.
        if (item is ResearchPublication { PublicationDate: { } publicationDate })
        {
            front["published"] = publicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (item.PublishAt is { } publishAt)
        {
            front["published"] = FormatMoment(publishAt);
        }

        if (item.Status == ContentStatus.Draft)
        {
            front["status"] = "draft";
        }

        if (item.IsExample)
        {
            front["example"] = "true";
        }

        if (item.ReviewBy is { } reviewBy)
        {
            front["review-by"] = reviewBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        switch (item)
        {
            case Exemplar e:
                Add(front, "organization", e.Organization);
                Add(front, "location", e.Location);
                Add(front, "field", e.FieldSlug);
                front["kind"] = e.Profile.ToSlug();
                Add(front, "website", e.Website);
                Add(front, "image", e.ImageUrl);
                break;
            case ToolkitResource r:
                front["type"] = r.Type.ToSlug();
                if (r.Audiences.Count > 0)
                {
                    front["audiences"] = r.Audiences.OrderBy(a => a.Position).Select(a => a.Slug).ToList();
                }

                Add(front, "url", r.Url);
                break;
            case ResearchPublication p:
                front["type"] = p.Type.ToSlug();
                if (p.Authors.Count > 0)
                {
                    front["authors"] = p.Authors;
                }

                Add(front, "url", p.Url);
                Add(front, "pdf", p.PdfUrl);
                break;
            case Webinar w:
                front["starts"] = WebinarTimes.ToIso(w.StartsUtc, w.TimeZone);
                front["timezone"] = w.TimeZone;
                front["duration"] = w.DurationMinutes.ToString(CultureInfo.InvariantCulture);
                if (w.Capacity is { } capacity)
                {
                    front["capacity"] = capacity.ToString(CultureInfo.InvariantCulture);
                }

                if (w.RegistrationClosesUtc is { } closes)
                {
                    front["registration-closes"] = WebinarTimes.ToIso(closes, w.TimeZone);
                }

                if (w.Speakers.Count > 0)
                {
                    front["speakers"] = w.Speakers;
                }

                Add(front, "recording", w.RecordingUrl);
                Add(front, "slides", w.SlidesUrl);
                Add(front, "transcript", w.TranscriptUrl);
                break;
        }

        return $"---\n{Yaml.Serialize(front)}---\n\n{item.Body}\n";
    }

    /// <summary>A date when the time is midnight UTC, else the full moment in UTC.</summary>
    private static string FormatMoment(DateTime utc) =>
        utc.TimeOfDay == TimeSpan.Zero
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, object> front, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            front[key] = value;
        }
    }
}
