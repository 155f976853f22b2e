using System.ComponentModel.DataAnnotations;
using JobQuality.Web.Content;
using JobQuality.Web.Exemplars;
using JobQuality.Web.Research;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Topics;
using JobQuality.Web.Webinars;

namespace JobQuality.Web.Editor;

/// <summary>
/// The one editor form for every kind: the shared fields, then each kind's own. Times are typed in
/// a time zone (the editors' for publishing, the webinar's own for its start) and stored in UTC.
/// </summary>
public sealed class ContentForm
{
    [Required(ErrorMessage = "Give the item a title.")]
    [StringLength(ContentRules.TitleMaxLength)]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [StringLength(ContentRules.SlugMaxLength)]
    [Display(Name = "Slug")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Write a short summary: it appears on lists and in search results.")]
    [StringLength(ContentRules.SummaryMaxLength)]
    [Display(Name = "Summary")]
    public string Summary { get; set; } = string.Empty;

    [Display(Name = "Body")]
    public string? Body { get; set; }

    [Display(Name = "Dimensions")]
    public List<string> Dimensions { get; set; } = [];

    [Display(Name = "Publish at")]
    public DateTime? PublishAt { get; set; }

    [Display(Name = "Review by")]
    public DateOnly? ReviewBy { get; set; }

    [Display(Name = "This is an illustrative example")]
    public bool IsExample { get; set; }

    /// <summary>The revision the editor started from, to notice a save made by someone else meanwhile.</summary>
    public int BaseRevision { get; set; }

    [Display(Name = "Organization")]
    [StringLength(200)]
    public string? Organization { get; set; }

    [Display(Name = "Location")]
    [StringLength(200)]
    public string? Location { get; set; }

    [Display(Name = "Field of practice")]
    public string? Field { get; set; }

    [Display(Name = "Profile of")]
    public string? Profile { get; set; }

    [Display(Name = "Website")]
    public string? Website { get; set; }

    [Display(Name = "Photo or logo")]
    public string? ImageUrl { get; set; }

    [Display(Name = "Type")]
    public string? Type { get; set; }

    [Display(Name = "Who it is for")]
    public List<string> Audiences { get; set; } = [];

    [Display(Name = "Web address")]
    public string? Url { get; set; }

    [Display(Name = "Authors (one per line)")]
    public string? Authors { get; set; }

    [Display(Name = "Publication date")]
    public DateOnly? PublicationDate { get; set; }

    [Display(Name = "PDF")]
    public string? PdfUrl { get; set; }

    [Display(Name = "Starts")]
    public DateTime? Starts { get; set; }

    /// <summary>Typed in the webinar's own time zone, like <see cref="Starts"/>; empty: registration closes at the start.</summary>
    [Display(Name = "Registration closes at (empty: at the start)")]
    public DateTime? RegistrationCloses { get; set; }

    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; }

    [Display(Name = "Length in minutes")]
    public int? Duration { get; set; }

    [Display(Name = "Seats (empty for no limit)")]
    public int? Capacity { get; set; }

    [Display(Name = "Speakers (one per line)")]
    public string? Speakers { get; set; }

    [Display(Name = "Recording")]
    public string? RecordingUrl { get; set; }

    [Display(Name = "Slides")]
    public string? SlidesUrl { get; set; }

    [Display(Name = "Transcript")]
    public string? TranscriptUrl { get; set; }

    public string EffectiveSlug => string.IsNullOrWhiteSpace(Slug) ? ContentRules.Slugify(Title) : Slug.Trim();

    /// <summary>The problems a kind's own rules find, by field.</summary>
    public IEnumerable<(string Field, string Message)> Check(ContentKind kind)
    {
        if (!ContentRules.IsValidSlug(EffectiveSlug))
        {
            yield return (nameof(Slug), "A slug may hold only lower-case letters, digits and single hyphens, such as living-wage-guide.");
        }

        foreach (var unknown in Dimensions.Where(d => Taxonomy.Dimensions.All(t => t.Slug != d)))
        {
            yield return (nameof(Dimensions), $"There is no dimension '{unknown}'.");
        }

        var links = new List<(string Field, string? Value, bool SiteAllowed)>();
        switch (kind)
        {
            case ContentKind.Exemplar:
                if (Field is { Length: > 0 } field && Taxonomy.FieldsOfPractice.All(f => f.Slug != field))
                {
                    yield return (nameof(Field), $"There is no field of practice '{field}'.");
                }

                if (Profile is { Length: > 0 } && !EnumSlugs.TryParse<ExemplarProfile>(Profile, out _))
                {
                    yield return (nameof(Profile), "Choose a person or an organization.");
                }

                links.Add((nameof(Website), Website, false));
                links.Add((nameof(ImageUrl), ImageUrl, true));
                break;
            case ContentKind.ToolkitResource:
                if (!EnumSlugs.TryParse<ResourceType>(Type, out _))
                {
                    yield return (nameof(Type), "Choose the type of resource.");
                }

                foreach (var unknown in Audiences.Where(a => Taxonomy.FieldsOfPractice.All(f => f.Slug != a)))
                {
                    yield return (nameof(Audiences), $"There is no field of practice '{unknown}'.");
                }

                links.Add((nameof(Url), Url, false));
                break;
            case ContentKind.Research:
                if (!EnumSlugs.TryParse<ResearchType>(Type, out _))
                {
                    yield return (nameof(Type), "Choose the type of publication.");
                }

                links.Add((nameof(Url), Url, false));
                links.Add((nameof(PdfUrl), PdfUrl, true));
                break;
            case ContentKind.Webinar:
                if (Starts is null)
                {
                    yield return (nameof(Starts), "Give the date and time the webinar starts.");
                }

                if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
                {
                    yield return (nameof(TimeZone), "Give an IANA time zone such as America/New_York.");
                }

                if (RegistrationCloses is { } closes && Starts is { } starts && closes >= starts)
                {
                    yield return (nameof(RegistrationCloses), "Registration must close before the webinar starts; leave it empty to close at the start.");
                }

                if (Duration is < 5 or > 24 * 60)
                {
                    yield return (nameof(Duration), "A webinar lasts from 5 minutes to a day.");
                }

                if (Capacity is < 1)
                {
                    yield return (nameof(Capacity), "Give at least one seat, or leave it empty for no limit.");
                }

                links.Add((nameof(RecordingUrl), RecordingUrl, true));
                links.Add((nameof(SlidesUrl), SlidesUrl, true));
                links.Add((nameof(TranscriptUrl), TranscriptUrl, true));
                break;
        }

        foreach (var (name, value, siteAllowed) in links.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
        {
            var ok = siteAllowed ? ContentRules.IsValidLink(value!.Trim()) : ContentRules.IsValidWebAddress(value!.Trim());
            if (!ok)
            {
                yield return (name, siteAllowed
                    ? "Give an http(s) address, or an address on this site starting with /."
                    : "Give a full web address starting with http:// or https://.");
            }
        }
    }

    /// <summary>A new item of the kind holding what the form says; status and publish time are the caller's.</summary>
    public ContentItem ToItem(ContentKind kind)
    {
        ContentItem item = kind switch
        {
            ContentKind.Exemplar => new Exemplar
            {
                Slug = EffectiveSlug, Title = Title.Trim(), Summary = Summary.Trim(),
                Organization = Clean(Organization), Location = Clean(Location), FieldSlug = Clean(Field),
                Profile = EnumSlugs.TryParse<ExemplarProfile>(Profile, out var profile) ? profile : ExemplarProfile.Organization,
                Website = Clean(Website), ImageUrl = Clean(ImageUrl),
            },
            ContentKind.ToolkitResource => new ToolkitResource
            {
                Slug = EffectiveSlug, Title = Title.Trim(), Summary = Summary.Trim(),
                Type = EnumSlugs.TryParse<ResourceType>(Type, out var resourceType) ? resourceType : ResourceType.Guide,
                Url = Clean(Url),
            },
            ContentKind.Research => new ResearchPublication
            {
                Slug = EffectiveSlug, Title = Title.Trim(), Summary = Summary.Trim(),
                Type = EnumSlugs.TryParse<ResearchType>(Type, out var researchType) ? researchType : ResearchType.Report,
                Authors = Lines(Authors), PublicationDate = PublicationDate, Url = Clean(Url), PdfUrl = Clean(PdfUrl),
            },
            ContentKind.Webinar => new Webinar
            {
                Slug = EffectiveSlug, Title = Title.Trim(), Summary = Summary.Trim(),
                TimeZone = TimeZone!.Trim(),
                StartsUtc = ToUtc(Starts!.Value, TimeZone.Trim()),
                RegistrationClosesUtc = RegistrationCloses is { } closes ? ToUtc(closes, TimeZone.Trim()) : null,
                DurationMinutes = Duration ?? 60, Capacity = Capacity, Speakers = Lines(Speakers),
                RecordingUrl = Clean(RecordingUrl), SlidesUrl = Clean(SlidesUrl), TranscriptUrl = Clean(TranscriptUrl),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        item.Body = (Body ?? string.Empty).ReplaceLineEndings("\n").Trim();
        item.IsExample = IsExample;
        item.ReviewBy = ReviewBy;
        return item;
    }

    public static ContentForm From(ContentItem item, TimeZoneInfo editorZone, int revision)
    {
        var form = new ContentForm
        {
            Title = item.Title,
            Slug = item.Slug,
            Summary = item.Summary,
            Body = item.Body,
            Dimensions = item.Dimensions.Select(d => d.Slug).ToList(),
            PublishAt = item.PublishAt is { } at ? TimeZoneInfo.ConvertTimeFromUtc(at, editorZone) : null,
            ReviewBy = item.ReviewBy,
            IsExample = item.IsExample,
            BaseRevision = revision,
        };
        switch (item)
        {
            case Exemplar e:
                (form.Organization, form.Location, form.Field, form.Profile, form.Website, form.ImageUrl) =
                    (e.Organization, e.Location, e.FieldSlug, e.Profile.ToSlug(), e.Website, e.ImageUrl);
                break;
            case ToolkitResource r:
                (form.Type, form.Url) = (r.Type.ToSlug(), r.Url);
                form.Audiences = r.Audiences.Select(a => a.Slug).ToList();
                break;
            case ResearchPublication p:
                (form.Type, form.Url, form.PdfUrl, form.PublicationDate) = (p.Type.ToSlug(), p.Url, p.PdfUrl, p.PublicationDate);
                form.Authors = string.Join('\n', p.Authors);
                break;
            case Webinar w:
                form.TimeZone = w.TimeZone;
                form.Starts = WebinarTimes.InZone(w.StartsUtc, w.TimeZone).DateTime;
                form.RegistrationCloses = w.RegistrationClosesUtc is { } closes ? WebinarTimes.InZone(closes, w.TimeZone).DateTime : null;
                (form.Duration, form.Capacity, form.RecordingUrl, form.SlidesUrl, form.TranscriptUrl) =
                    (w.DurationMinutes, w.Capacity, w.RecordingUrl, w.SlidesUrl, w.TranscriptUrl);
                form.Speakers = string.Join('\n', w.Speakers);
                break;
        }

        return form;
    }

    /// <summary>A wall-clock time in a zone, as UTC; a time skipped by a clock change moves forward.</summary>
    public static DateTime ToUtc(DateTime local, string timeZone) => ToUtc(local, TimeZoneInfo.FindSystemTimeZoneById(timeZone));

    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Lines(string? value) =>
        (value ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
