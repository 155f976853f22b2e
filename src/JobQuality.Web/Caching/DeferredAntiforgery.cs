using System.Buffers;
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
        using var buffer = new PooledBuffer();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var bytes = buffer.Written;
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

/// <summary>
/// Holds a response in arrays from the shared pool: a page is buffered on every request, and a
/// growing <see cref="MemoryStream"/> would leave each of its copies to the garbage collector.
/// </summary>
internal sealed class PooledBuffer : Stream
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;

    /// <summary>What was written; valid until the buffer is disposed.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_length + buffer.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + buffer.Length));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }
}
