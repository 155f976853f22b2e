using JobQuality.Web.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Caching;

/// <summary>
/// How public pages that are not in the cache meet the database.
/// <list type="bullet">
/// <item>A few at a time, from the action to the last byte of the view: their work is all
/// processor and database, so more of them at once than there are cores only adds connections
/// (SQLite keeps a page cache in each) and threads waiting on locks; the others wait their turn
/// here, in the order they came, without holding anything. When the turn ended with the action,
/// the views of dozens of pages rendered at once, sharing the cores: the median page came sooner,
/// but the slowest ones later.</item>
/// <item>Up to date with the other replicas, if there are any (<see cref="ChangesOnOtherReplicas"/>):
/// one read from Redis before the page is rendered.</item>
/// <item>One connection each: a page asks several things (its items, the counts of its filters,
/// related items while its view renders), and EF Core would open and close the connection,
/// through the pool's lock, around each. It is opened once for the page.</item>
/// </list>
/// </summary>
internal sealed class OneConnectionPerPage : IAsyncResourceFilter, IDisposable
{
    private readonly SemaphoreSlim _turns = new(Environment.ProcessorCount * 2);

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.ActionDescriptor.EndpointMetadata.OfType<OutputCacheAttribute>().FirstOrDefault()?.PolicyName != PublicPageCache.Policy)
        {
            await next();
            return;
        }

        // With replicas, the copies of the content this one holds may be older than a save on another.
        if (context.HttpContext.RequestServices.GetService<ChangesOnOtherReplicas>() is { } replicas)
        {
            await replicas.CatchUpAsync(context.HttpContext);
        }

        await _turns.WaitAsync(context.HttpContext.RequestAborted);
        try
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<JobQualityDbContext>();
            await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
            try
            {
                await next();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            _turns.Release();
        }
    }

    public void Dispose() => _turns.Dispose();
}
