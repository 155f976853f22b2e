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
/// The real site on a real database of its own (a SQLite file by default, see <see cref="TestDatabase"/>),
/// in a folder that is removed afterwards. The clock is fixed so that "upcoming" and "past" do not
/// drift as the calendar moves on.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Today = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly bool _ownsDatabase;

    public SiteFactory()
        : this(null)
    {
    }

    /// <summary>A site on <paramref name="database"/>, shared with other sites and left to its owner; or on one of its own.</summary>
    protected SiteFactory(TestDatabase? database)
    {
        Folder = Directory.CreateTempSubdirectory("jobquality-tests-").FullName;
        _ownsDatabase = database is null;
        Database = database ?? TestDatabase.FromEnvironment();
    }

    public TestDatabase Database { get; }

    /// <summary>The SQLite file, for tests about what happens to the file itself.</summary>
    public string DatabasePath => Database.SqliteFile
        ?? throw new InvalidOperationException("This site is not on a SQLite file; derive from SqliteFileSite.");

    public string Folder { get; }

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
        Database.ApplyTo(builder);
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
        if (_ownsDatabase)
        {
            Database.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temporary-file cleanup.
        }
    }
}

/// <summary>A site that is always on a SQLite file, for tests about what happens to that file.</summary>
public sealed class SqliteFileSite : SiteFactory
{
    public SqliteFileSite()
        : base(TestDatabase.SqliteFileOfItsOwn())
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Database.Dispose();
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

/// <summary>Creates and migrates an empty database of its own (on the provider the environment names), apart from any site.</summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private EmptyDatabase(TestDatabase database, JobQualityDbContext context)
    {
        _database = database;
        Context = context;
    }

    public JobQualityDbContext Context { get; }

    public static async Task<EmptyDatabase> CreateAsync()
    {
        var database = TestDatabase.FromEnvironment();
        var context = database.OpenContext();
        await context.Database.MigrateAsync();
        return new EmptyDatabase(database, context);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _database.Dispose();
    }
}
