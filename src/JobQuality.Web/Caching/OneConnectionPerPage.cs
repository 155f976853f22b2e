using JobQuality.Web.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Caching;

/// <summary>
/// How public pages that are not in the cache meet the database.
/// <list type="bullet">
/// <item>A few at a time: their work is all processor and database, so more of them at once than
/// there are cores only adds connections (SQLite keeps a page cache in each) and threads waiting
/// on locks; the others wait their turn here, without holding anything.</item>
/// <item>One connection each: a page asks several things (its items, their dimensions, the counts
/// of its filters), and EF Core would open and close the connection, through the pool's lock,
/// around each. The action opens it once and closes it before the view renders.</item>
/// </list>
/// </summary>
internal sealed class OneConnectionPerPage : IAsyncActionFilter, IDisposable
{
    private readonly SemaphoreSlim _turns = new(Environment.ProcessorCount * 2);

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.ActionDescriptor.EndpointMetadata.OfType<OutputCacheAttribute>().FirstOrDefault()?.PolicyName != PublicPageCache.Policy)
        {
            await next();
            return;
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
