using System.Data.Common;
using System.Runtime.CompilerServices;
using JobQuality.Web.Content;
using JobQuality.Web.Webinars;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobQuality.Web.Caching;

/// <summary>
/// Watches every save: when content or a registration changed, the cached pages that show it are
/// evicted once the change is committed, so no visitor sees a stale page after a change. With
/// several replicas (<see cref="SharedPageCache"/>) the others are told as well.
/// </summary>
public sealed class CacheEviction(IOutputCacheStore store, PublishingSchedule schedule, ContentChanges content, ChangesOnOtherReplicas? replicas = null)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, StrongBox<Changes>> _pending = [];

    [Flags]
    private enum Changes
    {
        None = 0,
        Content = 1,
        Registrations = 2,
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await EvictAsync(eventData.Context, cancellationToken);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            EvictAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return base.SavedChanges(eventData, result);
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await EvictAsync(eventData.Context, cancellationToken);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Notes content written past the change tracker (the import's bulk insert): its pages are evicted
    /// when the transaction commits, as for a save.
    /// </summary>
    public void ContentChanged(DbContext context) => _pending.GetOrCreateValue(context).Value |= Changes.Content;

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changes = Changes.None;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                changes |= entry.Entity switch
                {
                    ContentItem => Changes.Content,
                    Registration => Changes.Registrations,
                    Search.SearchTerm => Changes.Content,
                    _ => Changes.None,
                };
            }
        }

        // Links to dimensions live in a join table that has no entity type of its own.
        if (context.ChangeTracker.Entries<Dictionary<string, object>>().Any(e => e.State is EntityState.Added or EntityState.Deleted))
        {
            changes |= Changes.Content;
        }

        if (changes != Changes.None)
        {
            var box = _pending.GetOrCreateValue(context);
            box.Value |= changes;
        }
    }

    private async ValueTask EvictAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var box) || box.Value == Changes.None)
        {
            return;
        }

        var changes = box.Value;
        box.Value = Changes.None;
        if (changes.HasFlag(Changes.Content))
        {
            if (replicas is not null)
            {
                await replicas.ChangedHereAsync(cancellationToken);
            }
            else
            {
                await content.ForgetAsync(cancellationToken);
            }
        }
        else if (changes.HasFlag(Changes.Registrations))
        {
            schedule.Forget();
            await store.EvictByTagAsync(PublicPageCache.WebinarTag, cancellationToken);
        }
    }
}
