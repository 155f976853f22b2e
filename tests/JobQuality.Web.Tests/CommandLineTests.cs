using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

/// <summary>The site's assembly run as a command, as an operator would run it.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jobquality-cli-").FullName;
    private readonly TestDatabase _database = TestDatabase.FromEnvironment();

    [Fact]
    public async Task Import_of_a_broken_folder_exits_non_zero_naming_each_file_and_problem()
    {
        using var content = new ContentFolder()
            .With("toolkit/fine.md", "---\ntitle: Fine\nsummary: S\n---\nBody")
            .With("toolkit/no-title.md", "---\nsummary: S\n---\nBody")
            .With("research/bad-date.md", "---\ntitle: T\nsummary: S\npublished: 31/02/2025\n---\nBody");

        var (code, output, errors) = await RunAsync("import", content.Path);

        Assert.NotEqual(0, code);
        Assert.Contains("toolkit/no-title.md: 'title' is missing", errors, StringComparison.Ordinal);
        Assert.Contains("research/bad-date.md:4: 'published' is '31/02/2025'", errors, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_twice_then_export_writes_the_same_files_back()
    {
        var first = await RunAsync("import", Repository.ContentPath);
        var second = await RunAsync("import", Repository.ContentPath);
        var exportFolder = Path.Combine(_folder, "export");
        var export = await RunAsync("export", exportFolder);

        Assert.True(first.Code == 0, first.Errors);
        Assert.Contains(" added, 0 updated, 0 unchanged", first.Output, StringComparison.Ordinal);
        Assert.Contains("0 added, 0 updated, ", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, export.Code);
        var exported = Directory.GetFiles(exportFolder, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(exportFolder, f)).Order().ToList();
        var original = Directory.GetFiles(Repository.ContentPath, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.ContentPath, f))
            .Where(f => f.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(original, exported);
    }

    [Fact]
    public async Task Import_if_empty_seeds_a_new_database_once_and_leaves_an_existing_one_alone()
    {
        using var later = new ContentFolder().With("toolkit/added-later.md", "---\ntitle: Added later\nsummary: S\n---\nBody");

        var seed = await RunAsync("import", Repository.ContentPath, "--if-empty");
        var again = await RunAsync("import", later.Path, "--if-empty");
        var export = await RunAsync("export", Path.Combine(_folder, "export"));

        Assert.True(seed.Code == 0, seed.Errors);
        Assert.Contains(" added, 0 updated, 0 unchanged", seed.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.Code);
        Assert.Contains("already holds content; nothing was imported", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, export.Code);
        Assert.False(File.Exists(Path.Combine(_folder, "export", "toolkit", "added-later.md")));
    }

    [Fact]
    public async Task Registrations_erase_removes_the_personal_data_of_long_ended_webinars()
    {
        Assert.Equal(0, (await RunAsync("import", Repository.ContentPath)).Code);
        int registrationId;
        await using (var db = _database.OpenContext())
        {
            var webinar = new Web.Webinars.Webinar
            {
                Slug = "long-ago", Title = "Long ago", Summary = "S", Status = Content.ContentStatus.Published,
                PublishAt = new DateTime(2019, 12, 1, 0, 0, 0, DateTimeKind.Utc),
                StartsUtc = new DateTime(2020, 1, 15, 15, 0, 0, DateTimeKind.Utc), TimeZone = "America/New_York",
            };
            db.Add(webinar);
            await db.SaveChangesAsync();
            var registration = new Web.Webinars.Registration
            {
                WebinarId = webinar.Id, Name = "Old Registrant", Email = "old@example.org", NormalizedEmail = "OLD@EXAMPLE.ORG",
                Status = Web.Webinars.RegistrationStatus.Confirmed, RegisteredAt = webinar.StartsUtc.AddDays(-3),
                ConsentedAt = webinar.StartsUtc.AddDays(-3), CancelToken = Web.Webinars.Registration.NewCancelToken(),
            };
            db.Add(registration);
            await db.SaveChangesAsync();
            registrationId = registration.Id;
        }

        var (code, output, errors) = await RunAsync("registrations", "erase");

        Assert.True(code == 0, errors);
        Assert.Contains("Erased the personal data of 1 registration(s)", output, StringComparison.Ordinal);
        await using (var db = _database.OpenContext())
        {
            var erased = await db.Registrations.SingleAsync(r => r.Id == registrationId);
            Assert.Null(erased.Email);
            Assert.Null(erased.Name);
            Assert.Equal(Webinars.RegistrationStatus.Confirmed, erased.Status);
        }
    }

    private Task<(int Code, string Output, string Errors)> RunAsync(params string[] arguments) =>
        SiteCommand.RunAsync(_database, null, arguments);

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class UserCommandTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.FromEnvironment();

    [Fact]
    public async Task Users_create_makes_an_account_and_explains_each_refusal()
    {
        var created = await RunAsync("a long and quiet harbour", "users", "create", "first@jobquality.test", "--role", "Admin");
        var duplicate = await RunAsync("a long and quiet harbour", "users", "create", "FIRST@jobquality.test", "--role", "Editor");
        var weak = await RunAsync("short", "users", "create", "second@jobquality.test", "--role", "Editor");
        var common = await RunAsync("password123456", "users", "create", "third@jobquality.test", "--role", "Editor");
        var role = await RunAsync("a long and quiet harbour", "users", "create", "fourth@jobquality.test", "--role", "Owner");

        Assert.True(created.Code == 0, created.Errors);
        Assert.Contains("Created first@jobquality.test as Admin", created.Output, StringComparison.Ordinal);
        Assert.Equal(1, duplicate.Code);
        Assert.Contains("already exists", duplicate.Errors, StringComparison.Ordinal);
        Assert.Equal(1, weak.Code);
        Assert.Contains("at least 12 characters", weak.Errors, StringComparison.Ordinal);
        Assert.Equal(1, common.Code);
        Assert.Contains("too common", common.Errors, StringComparison.Ordinal);
        Assert.Equal(1, role.Code);
        Assert.Contains("Unknown role 'Owner'", role.Errors, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output, string Errors)> RunAsync(string input, params string[] arguments) =>
        SiteCommand.RunAsync(_database, input, arguments);

    public void Dispose() => _database.Dispose();
}

/// <summary>The site's assembly run as a command on a test database, as an operator would run it.</summary>
public static class SiteCommand
{
    public static async Task<(int Code, string Output, string Errors)> RunAsync(TestDatabase database, string? input, params string[] arguments)
    {
        var start = SiteProcess.StartInfo(database, arguments);
        start.RedirectStandardInput = input is not null;
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
