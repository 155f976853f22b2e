using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Caching;

/// <summary>
/// A form's antiforgery token belongs to one visitor, and a cached page is served to all of them.
/// Views therefore render a placeholder, which <see cref="AntiforgeryTokenFilling"/> replaces with
/// the visitor's own token on the way out, after the output cache: pages with forms stay cacheable
/// and every form still carries a valid token.
/// </summary>
public sealed class DeferredAntiforgeryHtmlGenerator(
    IAntiforgery antiforgery,
    IOptions<Microsoft.AspNetCore.Mvc.MvcViewOptions> optionsAccessor,
    Microsoft.AspNetCore.Mvc.ModelBinding.IModelMetadataProvider metadataProvider,
    IUrlHelperFactory urlHelperFactory,
    HtmlEncoder htmlEncoder,
    ValidationHtmlAttributeProvider validationAttributeProvider)
    : DefaultHtmlGenerator(antiforgery, optionsAccessor, metadataProvider, urlHelperFactory, htmlEncoder, validationAttributeProvider)
{
    public const string Placeholder = "__antiforgery-token-for-this-visitor__";

    public const string FieldName = "__RequestVerificationToken";

    public override IHtmlContent GenerateAntiforgery(ViewContext viewContext)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        viewContext.FormContext.HasAntiforgeryToken = true;
        return new HtmlString($"<input name=\"{FieldName}\" type=\"hidden\" value=\"{Placeholder}\">");
    }
}

/// <summary>Puts the visitor's own antiforgery token where a page holds the placeholder.</summary>
public sealed class AntiforgeryTokenFilling(RequestDelegate next, IAntiforgery antiforgery)
{
    private static readonly byte[] PlaceholderBytes = Encoding.UTF8.GetBytes(DeferredAntiforgeryHtmlGenerator.Placeholder);

    public async Task InvokeAsync(HttpContext context)
    {
        // Only pages rendered by views can hold the placeholder; files and downloads stream through untouched.
        if (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is null
            || context.Request.Path.StartsWithSegments("/media"))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var at = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            ? bytes.Span.IndexOf(PlaceholderBytes)
            : -1;
        if (at >= 0)
        {
            // The token is spliced into the bytes as they are; pages hold one placeholder per form.
            var token = Encoding.UTF8.GetBytes(antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty);
            var parts = new List<ReadOnlyMemory<byte>>();
            var rest = bytes;
            for (; at >= 0; at = rest.Span.IndexOf(PlaceholderBytes))
            {
                parts.Add(rest[..at]);
                parts.Add(token);
                rest = rest[(at + PlaceholderBytes.Length)..];
            }

            parts.Add(rest);
            context.Response.ContentLength = parts.Sum(p => p.Length);
            foreach (var part in parts)
            {
                await original.WriteAsync(part, context.RequestAborted);
            }

            return;
        }

        // Writing nothing would still start the response, and a status page could no longer replace it.
        if (bytes.Length > 0)
        {
            await original.WriteAsync(bytes, context.RequestAborted);
        }
    }
}
