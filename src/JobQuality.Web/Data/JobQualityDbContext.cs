using JobQuality.Web.Accounts;
using JobQuality.Web.Audit;
using JobQuality.Web.Content;
using JobQuality.Web.Editor;
using JobQuality.Web.Media;
using JobQuality.Web.Newsletter;
using JobQuality.Web.Exemplars;
using JobQuality.Web.Mail;
using JobQuality.Web.Feedback;
using JobQuality.Web.Research;
using JobQuality.Web.Search;
using JobQuality.Web.Toolkit;
using JobQuality.Web.Topics;
using JobQuality.Web.Webinars;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Data;

/// <summary>
/// The site's database. Each provider has a subclass of its own so that each keeps its own
/// migrations; everything else is written once, here.
/// </summary>
public abstract class JobQualityDbContext(DbContextOptions options) : IdentityDbContext<EditorUser>(options), IDataProtectionKeyContext
{
    public DbSet<ContentItem> Content => Set<ContentItem>();

    public DbSet<Exemplar> Exemplars => Set<Exemplar>();

    public DbSet<ToolkitResource> ToolkitResources => Set<ToolkitResource>();

    public DbSet<ResearchPublication> Research => Set<ResearchPublication>();

    public DbSet<Webinar> Webinars => Set<Webinar>();

    public DbSet<Dimension> Dimensions => Set<Dimension>();

    public DbSet<FieldOfPractice> FieldsOfPractice => Set<FieldOfPractice>();

    public DbSet<ContentRevision> Revisions => Set<ContentRevision>();

    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Keys that protect sign-in cookies and antiforgery tokens, shared by every instance of the site.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    /// <summary>Derived from the content on every save; see <see cref="SearchIndex"/>.</summary>
    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();

    public DbSet<FeedbackMessage> Feedback => Set<FeedbackMessage>();

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenderChangedMarkdown();
        var changed = SearchIndex.ChangedItems(ChangeTracker);
        if (changed.Count > 0)
        {
            SearchIndex.Update(this, changed, [.. SearchIndex.ExistingTerms(this, changed)]);
        }

        // A save outside a transaction is a write transaction of its own, so it waits for its turn.
        using var turn = Database.WaitForWriteTurn();
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

        using var turn = await Database.WaitForWriteTurnAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JobQualityDbContext).Assembly);
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
