using JobQuality.Web.Content;
using JobQuality.Web.Exemplars;
using JobQuality.Web.Feedback;
using JobQuality.Web.Research;
using JobQuality.Web.Search;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Topics;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Data;

/// <summary>
/// The site's database. Each provider has a subclass of its own so that each keeps its own
/// migrations; everything else is written once, here.
/// </summary>
public abstract class JobQualityDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ContentItem> Content => Set<ContentItem>();

    public DbSet<Exemplar> Exemplars => Set<Exemplar>();

    public DbSet<ToolkitResource> ToolkitResources => Set<ToolkitResource>();

    public DbSet<ResearchPublication> Research => Set<ResearchPublication>();

    public DbSet<Webinar> Webinars => Set<Webinar>();

    public DbSet<Dimension> Dimensions => Set<Dimension>();

    public DbSet<FieldOfPractice> FieldsOfPractice => Set<FieldOfPractice>();

    /// <summary>Derived from the content on every save; see <see cref="SearchIndex"/>.</summary>
    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();

    public DbSet<FeedbackMessage> Feedback => Set<FeedbackMessage>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenderChangedMarkdown();
        var changed = SearchIndex.ChangedItems(ChangeTracker);
        if (changed.Count > 0)
        {
            SearchIndex.Update(this, changed, [.. SearchIndex.ExistingTerms(this, changed)]);
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenderChangedMarkdown();
        var changed = SearchIndex.ChangedItems(ChangeTracker);
        if (changed.Count > 0)
        {
            SearchIndex.Update(this, changed, await SearchIndex.ExistingTerms(this, changed).ToListAsync(cancellationToken));
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JobQualityDbContext).Assembly);
        if (Database.IsSqlServer())
        {
            // Terms compare by code point on both providers (SQLite's default), so a prefix range finds the same rows.
            modelBuilder.Entity<SearchTerm>().Property(t => t.Term).UseCollation("Latin1_General_100_BIN2");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored in UTC; reading it back says so, whatever the provider returns.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <summary>Markdown becomes sanitised HTML here, once per save, whichever path changed it.</summary>
    private void RenderChangedMarkdown()
    {
        foreach (var entry in ChangeTracker.Entries<ContentItem>())
        {
            var body = entry.Property(c => c.Body);
            if (entry.State == EntityState.Added || (entry.State == EntityState.Modified && body.IsModified))
            {
                entry.Entity.BodyHtml = MarkdownRenderer.Render(entry.Entity.Body);
            }
        }
    }
}
