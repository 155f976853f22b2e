using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Data;

public static class DbTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, retried whole when the provider's execution
    /// strategy sees a transient failure (SQL Server); the change tracker starts empty each time.
    /// On SQLite the transaction waits its turn at the <see cref="WriteGate"/> and then takes the write
    /// lock at once (BEGIN IMMEDIATE), so such work runs one at a time and never meets a busy file;
    /// keep it short, since every other writer waits for it.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(
        this JobQualityDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            using var turn = await db.Database.WaitForWriteTurnAsync(ct);

            // Begun, the work is finished even if the caller gives up (a visitor closes the page): it is
            // short, and stopping it half-way would only roll it back and log the cancellation as an error.
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var result = await work(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return result;
        }, cancellationToken);
}
