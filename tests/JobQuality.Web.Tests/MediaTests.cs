using System.Net;
using System.Net.Http.Headers;

namespace JobQuality.Web.Tests;

public sealed class MediaTests(EditorSite site) : IClassFixture<EditorSite>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static readonly byte[] Program = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient editor, byte[] bytes, string name, string claimedType)
    {
        var token = await editor.TokenFromAsync("/admin/media");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        content.Add(file, "file", name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await editor.PostAsync("/admin/media", content);
    }

    [Fact]
    public async Task An_image_is_stored_under_a_generated_name_and_served_with_its_type()
    {
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);

        var response = await UploadAsync(editor, Png, "team photo.png", "image/png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var library = await editor.GetPageAsync("/admin/media");
        var entry = library.QuerySelectorAll(".media-grid li").Single(li => li.QuerySelector("a")!.TextContent == "team photo.png");
        var path = entry.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Matches("^/media/[a-f0-9]{32}\\.png$", path);
        Assert.Contains($"![team photo.png]({path})", entry.QuerySelector("code")!.TextContent, StringComparison.Ordinal);

        var served = await site.CreateClient().GetAsync(path);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Contains($"({path})", (await editor.GetPageAsync("/admin/exemplars/new")).QuerySelector(".media-picker")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_is_recognised_by_its_bytes_whatever_its_name_says()
    {
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(editor, Pdf, "report.txt", "text/plain")).StatusCode);

        var path = (await editor.GetPageAsync("/admin/media")).QuerySelectorAll(".media-grid a")
            .Select(a => a.GetAttribute("href")!).First(h => h.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Equal("application/pdf", (await site.CreateClient().GetAsync(path)).Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("holiday.png", "image/png")]
    [InlineData("setup.exe", "application/octet-stream")]
    [InlineData("brochure.pdf", "application/pdf")]
    public async Task A_renamed_program_is_refused_with_a_clear_message(string name, string claimedType)
    {
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);

        var response = await UploadAsync(editor, Program, name, claimedType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("Only PNG, JPEG, WebP and GIF images and PDF documents", page.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain((await editor.GetPageAsync("/admin/media")).QuerySelectorAll(".media-grid a"), a => a.TextContent == name);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        var editor = await site.SignedInAsync(EditorSite.EditorEmail);
        var big = new byte[(10 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);

        var response = await UploadAsync(editor, big, "huge.png", "image/png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the limit is 10 MB", (await response.DocumentAsync()).QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/media/../appsettings.json")]
    [InlineData("/media/not-generated.png")]
    [InlineData("/media/0123456789abcdef0123456789abcdef.png")]
    public async Task Only_uploaded_files_are_served(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync(path)).StatusCode);
    }
}
