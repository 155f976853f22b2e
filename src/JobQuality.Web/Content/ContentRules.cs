using System.Text.RegularExpressions;

namespace JobQuality.Web.Content;

/// <summary>The rules every item obeys, wherever it comes from (a file, the editor).</summary>
public static partial class ContentRules
{
    public const int SlugMaxLength = 100;
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int UrlMaxLength = 500;

    public static bool IsValidSlug(string? slug) =>
        slug is { Length: > 0 and <= SlugMaxLength } && SlugPattern().IsMatch(slug);

    /// <summary>Only absolute http and https addresses are accepted for a link field.</summary>
    public static bool IsValidWebAddress(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && value.Length <= UrlMaxLength;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
