using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Data;

public static class DbTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, retried whole when the provider's execution
    /// strategy sees a transient failure (SQL Server); the change tracker starts empty each time.
    /// On SQLite the transaction takes the write lock at once, so such work runs one at a time.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(
        this JobQualityDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
}
