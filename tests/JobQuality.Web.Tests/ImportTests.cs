using System.Globalization;
using JobQuality.Web.Content;
using JobQuality.Web.Content.Files;
using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JobQuality.Web.Tests;

public sealed class ImportTests
{
    private const string Valid = "---\ntitle: A sound guide\nsummary: It imports.\ntype: guide\ndimensions: [wages]\naudiences: [business]\n---\n\nBody.\n";

    private static ContentImporter Importer(JobQualityDbContext db) =>
        new(db, new FakeTimeProvider(SiteFactory.Today), NullLogger<ContentImporter>.Instance);

    public static TheoryData<string, string, int?, string> BrokenFiles() => new()
    {
        { "toolkit/bad-yaml.md", "---\ntitle: T\nsummary: one: two\n---\nBody", 3, "malformed YAML" },
        { "toolkit/unclosed-yaml.md", "---\ntitle: [unclosed\nsummary: x\n---\nBody", null, "malformed YAML" },
        { "toolkit/no-title.md", "---\nsummary: Has no title.\n---\nBody", null, "'title' is missing" },
        { "toolkit/empty-title.md", "---\ntitle: \"\"\nsummary: Has an empty title.\n---\nBody", 2, "'title' is empty" },
        { "toolkit/unknown-dimension.md", "---\ntitle: T\nsummary: S\ndimensions: [wages, happiness]\n---\nBody", 4, "unknown dimension 'happiness'" },
        { "toolkit/unknown-audience.md", "---\ntitle: T\nsummary: S\naudiences: [astronauts]\n---\nBody", 4, "'astronauts'" },
        { "exemplars/unknown-field.md", "---\ntitle: T\nsummary: S\nfield: alchemy\n---\nBody", 4, "unknown field of practice 'alchemy'" },
        { "research/bad-date.md", "---\ntitle: T\nsummary: S\npublished: 2025-13-45\n---\nBody", 4, "'2025-13-45'" },
        { "webinars/bad-start.md", "---\ntitle: T\nsummary: S\nstarts: next Tuesday\ntimezone: America/New_York\n---\nBody", 4, "'next Tuesday'" },
        { "webinars/wrong-offset.md", "---\ntitle: T\nsummary: S\nstarts: 2027-07-01T14:00:00-05:00\ntimezone: America/New_York\n---\nBody", 4, "America/New_York is at −04:00" },
        { "webinars/bad-zone.md", "---\ntitle: T\nsummary: S\nstarts: 2027-07-01T14:00:00-04:00\ntimezone: Mars/Olympus\n---\nBody", 5, "unknown time zone 'Mars/Olympus'" },
        { "toolkit/bad-type.md", "---\ntitle: T\nsummary: S\ntype: spaceship\n---\nBody", 4, "'spaceship'" },
        { "toolkit/typo-key.md", "---\ntitle: T\nsummary: S\ndimensons: [wages]\n---\nBody", 4, "unknown key 'dimensons'" },
        { "toolkit/bad-url.md", "---\ntitle: T\nsummary: S\nurl: javascript:alert(1)\n---\nBody", 4, "not an http or https address" },
        { "toolkit/Bad_Slug.md", "---\ntitle: T\nsummary: S\n---\nBody", null, "not a valid slug" },
        { "toolkit/no-front-matter.md", "Just a body.", 1, "must start with a line '---'" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task Each_kind_of_problem_names_the_file_the_line_and_the_value_and_nothing_is_imported(
        string file, string text, int? line, string message)
    {
        using var folder = new ContentFolder().With("toolkit/sound.md", Valid).With(file, text);
        await using var database = await EmptyDatabase.CreateAsync();

        var result = await Importer(database.Context).ImportAsync(folder.Path, ImportMode.AllOrNothing, default);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(file, problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, await database.Context.Content.CountAsync());
    }

    [Fact]
    public async Task Importing_a_webinar_again_keeps_its_taken_seats_and_reads_when_registration_closes()
    {
        const string File = "---\ntitle: Seats\nsummary: S\nstarts: 2027-07-01T14:00:00-04:00\ntimezone: America/New_York\ncapacity: 5\n" +
            "registration-closes: 2027-06-30T12:00:00-04:00\n---\nBody";
        using var folder = new ContentFolder().With("webinars/seats.md", File);
        await using var database = await EmptyDatabase.CreateAsync();
        await Importer(database.Context).ImportAsync(folder.Path, ImportMode.AllOrNothing, default);
        await database.Context.Webinars.ExecuteUpdateAsync(s => s.SetProperty(w => w.SeatsTaken, 3));
        folder.With("webinars/seats.md", File.Replace("capacity: 5", "capacity: 6", StringComparison.Ordinal));

        var result = await Importer(database.Context).ImportAsync(folder.Path, ImportMode.AllOrNothing, default);

        Assert.Equal(1, result.Updated);
        var webinar = await database.Context.Webinars.AsNoTracking().SingleAsync();
        Assert.Equal((6, 3), (webinar.Capacity, webinar.SeatsTaken));
        Assert.Equal(new DateTime(2027, 6, 30, 16, 0, 0, DateTimeKind.Utc), webinar.RegistrationClosesUtc);
    }

    [Fact]
    public async Task Two_files_claiming_one_slug_are_both_reported()
    {
        using var folder = new ContentFolder()
            .With("toolkit/first.md", "---\ntitle: First\nsummary: S\nslug: shared\n---\nBody")
            .With("toolkit/shared.md", "---\ntitle: Second\nsummary: S\n---\nBody");
        await using var database = await EmptyDatabase.CreateAsync();

        var result = await Importer(database.Context).ImportAsync(folder.Path, ImportMode.AllOrNothing, default);

        Assert.Equal(["toolkit/first.md", "toolkit/shared.md"], result.Problems.Select(p => p.File).Order());
        Assert.All(result.Problems, p => Assert.Contains("duplicate slug 'shared'", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_first_start_the_sound_files_are_imported_and_the_broken_ones_reported()
    {
        using var folder = new ContentFolder()
            .With("toolkit/sound.md", Valid)
            .With("toolkit/broken.md", "---\nsummary: no title\n---\n");
        await using var database = await EmptyDatabase.CreateAsync();

        var result = await Importer(database.Context).ImportAsync(folder.Path, ImportMode.SkipInvalid, default);

        Assert.Equal("toolkit/broken.md", Assert.Single(result.Problems).File);
        Assert.Equal(["sound"], await database.Context.Content.Select(c => c.Slug).ToListAsync());
    }

    [Fact]
    public async Task Importing_the_same_files_twice_changes_nothing()
    {
        await using var database = await EmptyDatabase.CreateAsync();
        var first = await Importer(database.Context).ImportAsync(Repository.ContentPath, ImportMode.AllOrNothing, default);
        var before = await database.Context.Content.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.UpdatedAt, c.BodyHtml }).ToListAsync();

        var second = await Importer(database.Context).ImportAsync(Repository.ContentPath, ImportMode.AllOrNothing, default);

        Assert.True(first.Succeeded, string.Join('\n', first.Problems));
        Assert.True(first.Added >= 32);
        Assert.Equal((0, 0, first.Added), (second.Added, second.Updated, second.Unchanged));
        var after = await database.Context.Content.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.UpdatedAt, c.BodyHtml }).ToListAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_changed_file_updates_its_item_in_place()
    {
        using var folder = new ContentFolder().With("toolkit/sound.md", Valid);
        await using var database = await EmptyDatabase.CreateAsync();
        await Importer(database.Context).ImportAsync(folder.Path, ImportMode.AllOrNothing, default);

        folder.With("toolkit/sound.md", Valid.Replace("[wages]", "[wages, scheduling]", StringComparison.Ordinal)
            .Replace("Body.", "A **new** body.", StringComparison.Ordinal));
        var result = await Importer(database.Context).ImportAsync(folder.Path, ImportMode.AllOrNothing, default);

        Assert.Equal((0, 1), (result.Added, result.Updated));
        var item = await database.Context.Content.AsNoTracking().Include(c => c.Dimensions).SingleAsync();
        Assert.Equal(["scheduling", "wages"], item.Dimensions.Select(d => d.Slug).Order());
        Assert.Contains("<strong>new</strong>", item.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_content()
    {
        await using var source = await EmptyDatabase.CreateAsync();
        await Importer(source.Context).ImportAsync(Repository.ContentPath, ImportMode.AllOrNothing, default);
        source.Context.Add(new Research.ResearchPublication
        {
            Slug = "a-draft", Title = "Draft: with a colon", Summary = "Multi\nline", Body = "| a | b |\n|---|---|\n| 1 | 2 |",
            Status = ContentStatus.Draft, CreatedAt = SiteFactory.Today.UtcDateTime, UpdatedAt = SiteFactory.Today.UtcDateTime,
        });
        await source.Context.SaveChangesAsync();
        using var exported = new ContentFolder();

        var count = await new ContentExporter(source.Context).ExportAsync(exported.Path, default);
        await using var target = await EmptyDatabase.CreateAsync();
        var result = await Importer(target.Context).ImportAsync(exported.Path, ImportMode.AllOrNothing, default);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(count, result.Added);
        var expected = await Snapshot(source.Context);
        var actual = await Snapshot(target.Context);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, file) in expected)
        {
            Assert.Equal(file, actual[key]);
        }
    }

    [Fact]
    public async Task A_large_import_indexes_every_item_as_saving_them_one_by_one_would()
    {
        // The import writes the search index in bulk, and renders this many bodies side by side.
        using var folder = new ContentFolder();
        for (var i = 0; i < 150; i++)
        {
            folder.With($"toolkit/guide-{i:000}.md",
                $"---\ntitle: Guide number {i} on predictable hours\nsummary: Scheduling notice for shift {i}.\ntype: guide\n---\n\nA **fair** workweek, café rules {i}.\n");
        }

        await using var bulk = await EmptyDatabase.CreateAsync();
        var result = await Importer(bulk.Context).ImportAsync(folder.Path, ImportMode.AllOrNothing, default);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));

        await using var single = await EmptyDatabase.CreateAsync();
        foreach (var item in await bulk.Context.Content.AsNoTracking().OrderBy(c => c.Slug).ToListAsync())
        {
            item.Id = 0;
            single.Context.Add(item);
            await single.Context.SaveChangesAsync();
        }

        static async Task<List<string>> Index(JobQualityDbContext db) =>
            (await db.SearchTerms.AsNoTracking().Select(t => new { t.ContentItem!.Slug, t.Term, t.Weight }).ToListAsync())
            .Select(t => $"{t.Slug} {t.Term} {t.Weight}").Order(StringComparer.Ordinal).ToList();
        var expected = await Index(single.Context);
        Assert.Contains("guide-149 cafe 1", expected);
        Assert.Equal(expected, await Index(bulk.Context));
    }

    [Fact]
    public async Task New_items_are_written_with_the_very_rows_that_saving_each_one_would_write()
    {
        // The import inserts new items, their links and their terms in bulk, past the change tracker.
        // Half the files come first, so that the second import adds items beside existing ones.
        using var folder = new ContentFolder();
        var files = Directory.GetFiles(Repository.ContentPath, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        void Copy(int remainder)
        {
            for (var i = remainder; i < files.Count; i += 2)
            {
                folder.With(Path.GetRelativePath(Repository.ContentPath, files[i]), File.ReadAllText(files[i]));
            }
        }

        await using var bulk = await EmptyDatabase.CreateAsync();
        Copy(0);
        var first = await Importer(bulk.Context).ImportAsync(folder.Path, ImportMode.AllOrNothing, default);
        Copy(1);
        var second = await Importer(bulk.Context).ImportAsync(folder.Path, ImportMode.AllOrNothing, default);
        Assert.True(first.Succeeded && second.Succeeded, string.Join('\n', first.Problems.Concat(second.Problems)));
        Assert.Equal(first.Added, second.Unchanged);
        Assert.True(first.Added > 10 && second.Added > 10);

        // The same files, each saved on its own through the change tracker, as an editor's save is.
        await using var tracked = await EmptyDatabase.CreateAsync();
        var now = SiteFactory.Today.UtcDateTime;
        var (read, problems) = ContentFileReader.ReadFolder(folder.Path, now);
        Assert.Empty(problems);
        var merge = await ContentMerge.CreateAsync(tracked.Context, default);
        foreach (var file in read)
        {
            merge.Add(file.Item, file.Dimensions, file.Audiences, now);
            await tracked.Context.SaveChangesAsync();
        }

        foreach (var query in new[]
        {
            "SELECT * FROM \"ContentItems\"",
            "SELECT c.\"Kind\", c.\"Slug\", l.\"DimensionSlug\" FROM \"ContentItemDimensions\" l JOIN \"ContentItems\" c ON c.\"Id\" = l.\"ContentItemId\"",
            "SELECT c.\"Kind\", c.\"Slug\", l.\"FieldSlug\" FROM \"ToolkitResourceAudiences\" l JOIN \"ContentItems\" c ON c.\"Id\" = l.\"ToolkitResourceId\"",
            "SELECT c.\"Kind\", c.\"Slug\", t.\"Term\", t.\"Weight\" FROM \"SearchTerms\" t JOIN \"ContentItems\" c ON c.\"Id\" = t.\"ContentItemId\"",
        })
        {
            var expected = await Rows(tracked.Context, query);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await Rows(bulk.Context, query));
        }

        // Every stored value as the provider returns it, ids aside (they may be given in another order).
        static async Task<List<string>> Rows(JobQualityDbContext db, string sql)
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                        .Where(i => reader.GetName(i) != "Id")
                        .Select(i => $"{reader.GetName(i)}={(reader.GetValue(i) is DateTime time ? time.ToString("O", CultureInfo.InvariantCulture) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}")));
                }

                return [.. rows.Order(StringComparer.Ordinal)];
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Each item as its file and rendered body: every field that an item carries.</summary>
    private static async Task<Dictionary<string, string>> Snapshot(JobQualityDbContext db) =>
        (await db.Content.AsNoTracking().AsSplitQuery()
            .Include(c => c.Dimensions)
            .Include(c => ((Toolkit.ToolkitResource)c).Audiences)
            .ToListAsync())
        .ToDictionary(c => c.Path, c => $"{ContentExporter.ToFile(c)}\n{c.Status}\n{c.BodyHtml}\n{c.PublishAt:O}");
}
