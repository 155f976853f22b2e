using JobQuality.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace JobQuality.Web.Tests;

/// <summary>
/// The real site on a real SQLite file of its own, in a folder that is removed afterwards. The
/// clock is fixed so that "upcoming" and "past" do not drift as the calendar moves on.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Today = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public SiteFactory()
        : this(null)
    {
    }

    /// <summary>A site on a folder of its own, or on the one (database, mail) that an earlier site left behind.</summary>
    protected SiteFactory(string? folder)
    {
        Folder = folder ?? Directory.CreateTempSubdirectory("jobquality-tests-").FullName;
        DatabasePath = Path.Combine(Folder, "data", "jobquality.db");
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
    }

    public string Folder { get; }

    /// <summary>Leaves the folder in place when the site is disposed, for a site started on it after this one.</summary>
    public bool KeepsFolder { get; init; }

    public string DatabasePath { get; }

    /// <summary>Where the site writes each mail as an .eml file when no SMTP server is set.</summary>
    public string MailFolder => Path.Combine(Folder, "mail");

    public FakeTimeProvider Clock { get; } = new(Today);

    /// <summary>The folder imported on first start; the repository's content/ unless a test says otherwise.</summary>
    public virtual string ContentPath => Repository.ContentPath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Run from the build output as `dotnet run` does: static assets (and their compressed forms) come from the build's manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:JobQuality", $"Data Source={DatabasePath}");
        builder.UseSetting("Content:Path", ContentPath);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // Every test client comes from one address; the limits themselves are tested on a site of their own.
        builder.UseSetting("RateLimits:Registrations:PermitLimit", "100000");
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A database context on the site's own database, for arranging and checking data.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<JobQualityDbContext, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider.GetRequiredService<JobQualityDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!KeepsFolder)
        {
            DeleteFolder(Folder);
        }
    }

    public static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temporary-file cleanup.
        }
    }
}

/// <summary>Where the repository's own files are.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ContentPath => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "JobQuality.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the repository (JobQuality.sln not found).");
    }
}

/// <summary>Creates and migrates an empty SQLite database of its own, apart from any site.</summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private EmptyDatabase(string folder, SqliteJobQualityDbContext context)
    {
        Folder = folder;
        Context = context;
    }

    public string Folder { get; }

    public SqliteJobQualityDbContext Context { get; }

    public static async Task<EmptyDatabase> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("jobquality-db-").FullName;
        var options = new DbContextOptionsBuilder<SqliteJobQualityDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "empty.db")}")
            .Options;
        var context = new SqliteJobQualityDbContext(options);
        await context.Database.MigrateAsync();
        return new EmptyDatabase(folder, context);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
