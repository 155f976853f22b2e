using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JobQuality.Web.Errors;

/// <summary>Friendly pages for errors; the status code a visitor gets is kept.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken(Order = 1001)] // re-executed for failed posts too; showing an error page changes nothing
public sealed class ErrorsController : Controller
{
    /// <summary>A status page; without a code, the status the failed request already has (after an exception).</summary>
    [Route("error/{code:int?}")]
    public IActionResult Show(int? code)
    {
        var status = code ?? Response.StatusCode;
        status = status is >= 400 and <= 599 ? status : 500;
        Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "30";
        }

        return View("Error", new ErrorPage(status));
    }
}

public sealed record ErrorPage(int StatusCode) : IDescribedPage
{
    public PageMetadata Metadata => new() { Title = Heading, Description = Advice, NoIndex = true };

    public string Heading => StatusCode switch
    {
        404 => "We could not find that page",
        400 => "That request did not make sense to us",
        403 => "That page is not open to you",
        429 => "Too many requests at once",
        503 => "The site is busy for a moment",
        _ => "Something went wrong on our side",
    };

    public string Advice => StatusCode switch
    {
        404 => "It may have moved, or the address may have a typo. Try the search or one of the sections below.",
        400 => "Please check what you entered and try again.",
        403 => "If you are an editor, sign in with an account that has access.",
        429 => "Please wait a minute and try again.",
        503 => "Please try again in a minute.",
        _ => "The problem has been logged. Please try again, or come back later.",
    };
}
