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

        // New items inside a transaction (the import): their terms are written in bulk once the items
        // have their ids, in the same transaction, rather than tracked one entity per term.
        var bulk = Database.CurrentTransaction is not null ? SearchIndex.NewItemsForBulk(changed) : null;
        if (bulk is not null)
        {
            changed = [.. changed.Where(e => e.State != EntityState.Added)];
        }

        if (changed.Count > 0)
        {
            SearchIndex.Update(this, changed, await SearchIndex.ExistingTerms(this, changed).ToListAsync(cancellationToken));
        }

        using var turn = await Database.WaitForWriteTurnAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (bulk is not null)
        {
            await SearchIndex.InsertAsync(this, bulk, cancellationToken);
        }

        return saved;
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
        var items = ChangeTracker.Entries<ContentItem>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Body).IsModified))
            .Select(e => e.Entity)
            .ToList();

        // An import renders thousands of bodies: side by side on every core, each item on its own.
        if (items.Count >= ParallelRenderingFrom)
        {
            Parallel.ForEach(items, SideBySide.OnEveryCore, item => item.BodyHtml = MarkdownRenderer.Render(item.Body));
            return;
        }

        foreach (var item in items)
        {
            item.BodyHtml = MarkdownRenderer.Render(item.Body);
        }
    }

    private const int ParallelRenderingFrom = 32;
}
