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

    /// <summary>A web address, or an address on this site such as an uploaded file (/media/…).</summary>
    public static bool IsValidLink(string? value) =>
        IsValidWebAddress(value)
        || (value is { Length: > 1 and <= UrlMaxLength } && value[0] == '/' && value[1] != '/' && value[1] != '\\'
            && Uri.TryCreate(value, UriKind.Relative, out _));

    /// <summary>A slug made from a title: "Raise the Floor &amp; Build Ladders!" gives "raise-the-floor-build-ladders".</summary>
    public static string Slugify(string? title)
    {
        var normalized = (title ?? string.Empty).Normalize(System.Text.NormalizationForm.FormD);
        var plain = new System.Text.StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var slug = NotSlug().Replace(plain.ToString(), "-").Trim('-');
        if (slug.Length > SlugMaxLength)
        {
            slug = slug[..SlugMaxLength].TrimEnd('-');
        }

        return slug;
    }

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlug();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
