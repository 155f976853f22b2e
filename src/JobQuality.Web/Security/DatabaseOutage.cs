using System.Data.Common;

namespace JobQuality.Web.Security;

/// <summary>When the database cannot be reached, pages answer 503 (try again soon), not 500.</summary>
public static class DatabaseOutage
{
    public static int StatusCodeFor(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException or TimeoutException)
            {
                return StatusCodes.Status503ServiceUnavailable;
            }
        }

        return StatusCodes.Status500InternalServerError;
    }
}
