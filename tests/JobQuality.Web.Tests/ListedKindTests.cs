using JobQuality.Web.Shared;

namespace JobQuality.Web.Tests;

/// <summary>
/// A listing's results and the counts beside its choices, on more items than the seed content has
/// of any kind: hundreds, some of them scheduled, so that every set of items spans several words.
/// </summary>
public sealed class ListedKindTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Dimensions = ["wages", "benefits", "scheduling", "legal-rights", "equity-inclusion", "skills-advancement", "supportive-environment", "worker-voice"];
    private static readonly string[] Fields = ["workforce-development", "economic-development", "capital-deployment", "policy", "worker-advocacy", "business", "higher-education"];
    private static readonly string[] Types = ["guide", "tool", "worksheet", "checklist", "template"];

    private static readonly List<ListedItem> Items = MakeItems(300);

    private static List<ListedItem> MakeItems(int count)
    {
        var random = new Random(7);
        return [.. Enumerable.Range(1, count).Select(i => new ListedItem
        {
            Id = i,
            Slug = $"item-{i}",
            Title = $"Item {i}",
            // Newest first, as the listing orders them; every thirteenth is not public yet.
            PublishAt = i % 13 == 0 ? Now.AddDays(i) : Now.AddDays(-i),
            Dimensions = [.. Dimensions.Where(_ => random.Next(3) == 0)],
            Fields = [.. Fields.Where(_ => random.Next(3) == 0)],
            Type = [Types[random.Next(Types.Length)]],
        })];
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("wages", null, null)]
    [InlineData(null, "policy", null)]
    [InlineData(null, null, "worksheet")]
    [InlineData("scheduling", "business", null)]
    [InlineData("worker-voice", "higher-education", "guide")]
    [InlineData("no-item-has-this", null, null)]
    [InlineData("benefits", "no-item-has-this", "tool")]
    public void The_items_and_every_choice_count_agree_with_the_filters_applied_one_by_one(string? dimension, string? field, string? type)
    {
        var listed = new ListedKind(Items, Options(Dimensions), Options(Fields));

        var (found, filters) = listed.Filter(Now,
        [
            new Facet(FilterChoice.Create("dimension", "Dimension", dimension, Options([.. Dimensions, "unused"])), ListedBy.Dimension),
            new Facet(FilterChoice.Create("audience", "Who it is for", field, Options(Fields)), ListedBy.Field),
            new Facet(FilterChoice.Create("type", "Type", type, Options(Types)), ListedBy.Type),
        ]);

        Assert.Equal(Matching(dimension, field, type).Select(i => i.Id), found.Select(i => i.Id));
        Assert.All(filters[0].Options, o => Assert.Equal(Matching(o.Value, field, type).Count(), o.Count));
        Assert.All(filters[1].Options, o => Assert.Equal(Matching(dimension, o.Value, type).Count(), o.Count));
        Assert.All(filters[2].Options, o => Assert.Equal(Matching(dimension, field, o.Value).Count(), o.Count));
        Assert.Equal(0, filters[0].Options.Single(o => o.Value == "unused").Count);
    }

    [Fact]
    public void A_scheduled_item_is_listed_from_the_moment_it_is_public()
    {
        var listed = new ListedKind(Items, Options(Dimensions), Options(Fields));
        var scheduled = Items.First(i => i.PublishAt > Now);

        var before = listed.Filter(scheduled.PublishAt.AddTicks(-1), []).Items;
        var after = listed.Filter(scheduled.PublishAt, []).Items;

        Assert.DoesNotContain(scheduled, before);
        Assert.Contains(scheduled, after);
    }

    private static IEnumerable<ListedItem> Matching(string? dimension, string? field, string? type) =>
        Items.Where(i => i.PublishAt <= Now
            && (dimension is null || i.Dimensions.Contains(dimension))
            && (field is null || i.Fields.Contains(field))
            && (type is null || i.Type.Contains(type)));

    private static List<FilterOption> Options(IEnumerable<string> values) => [.. values.Select(v => new FilterOption(v, v))];
}
