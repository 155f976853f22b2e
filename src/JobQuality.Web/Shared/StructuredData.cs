using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobQuality.Web.Content;
using JobQuality.Web.Exemplars;
using JobQuality.Web.Research;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Webinars;

namespace JobQuality.Web.Shared;

/// <summary>schema.org descriptions of items, written once for every kind.</summary>
public static class StructuredData
{
    /// <summary>The default encoder escapes &lt;, &gt; and &amp;, so the JSON cannot close its script element.</summary>
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>The page's data as JSON for a script element: with its context and address, without empty values.</summary>
    public static string Serialize(JsonObject data, string url)
    {
        var complete = new JsonObject { ["@context"] = "https://schema.org" };
        foreach (var (name, value) in data)
        {
            complete[name] = value?.DeepClone();
        }

        complete["url"] = url;
        if (complete["location"] is JsonObject { } location && (string?)location["@type"] == "VirtualLocation")
        {
            location["url"] = url;
        }

        return WithoutNulls(complete)!.ToJsonString(Options);
    }

    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (_, value) in obj)
                {
                    WithoutNulls(value);
                }

                break;
            case JsonArray array:
                foreach (var value in array)
                {
                    WithoutNulls(value);
                }

                break;
        }

        return node;
    }

    public static JsonObject Describe(ContentItem item) => item switch
    {
        Webinar webinar => new JsonObject
        {
            ["@type"] = "Event",
            ["name"] = webinar.Title,
            ["description"] = webinar.Summary,
            ["startDate"] = WebinarTimes.ToIso(webinar.StartsUtc, webinar.TimeZone),
            ["endDate"] = WebinarTimes.ToIso(webinar.EndsUtc, webinar.TimeZone),
            ["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode",
            ["eventStatus"] = "https://schema.org/EventScheduled",
            ["location"] = new JsonObject { ["@type"] = "VirtualLocation", ["url"] = null },
            ["organizer"] = Organization(PageMetadata.SiteName),
            ["performer"] = Array(webinar.Speakers.Select(s => Person(s.Split(',')[0].Trim()))),
        },
        ResearchPublication research => new JsonObject
        {
            ["@type"] = research.Type == ResearchType.Report ? "Report" : "ScholarlyArticle",
            ["name"] = research.Title,
            ["headline"] = research.Title,
            ["description"] = research.Summary,
            ["author"] = Array(research.Authors.Select(Person)),
            ["datePublished"] = research.PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sameAs"] = research.Url,
        },
        Exemplar { Profile: ExemplarProfile.Person } person => new JsonObject
        {
            ["@type"] = "Person",
            ["name"] = person.Title.Split(':')[0].Trim(),
            ["description"] = person.Summary,
            ["worksFor"] = person.Organization is null ? null : Organization(person.Organization),
            ["homeLocation"] = person.Location,
        },
        Exemplar organization => new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = organization.Organization ?? organization.Title,
            ["description"] = organization.Summary,
            ["location"] = organization.Location,
            ["sameAs"] = organization.Website,
        },
        ToolkitResource resource => new JsonObject
        {
            ["@type"] = "LearningResource",
            ["name"] = resource.Title,
            ["description"] = resource.Summary,
            ["learningResourceType"] = resource.Type.ToLabel(),
            ["audience"] = Array(resource.Audiences.OrderBy(a => a.Position)
                .Select(a => (JsonNode)new JsonObject { ["@type"] = "Audience", ["audienceType"] = a.Name })),
            ["sameAs"] = resource.Url,
        },
        _ => new JsonObject { ["@type"] = "WebPage", ["name"] = item.Title, ["description"] = item.Summary },
    };

    private static JsonObject Organization(string name) => new() { ["@type"] = "Organization", ["name"] = name };

    private static JsonNode Person(string name) => new JsonObject { ["@type"] = "Person", ["name"] = name };

    private static JsonArray Array(IEnumerable<JsonNode> nodes) => new([.. nodes]);
}
