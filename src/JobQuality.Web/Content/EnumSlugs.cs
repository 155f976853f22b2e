using System.Text;

namespace JobQuality.Web.Content;

/// <summary>Enum values as they appear in addresses and files: CaseStudy is "case-study".</summary>
public static class EnumSlugs
{
    public static string ToSlug<TEnum>(this TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var slug = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                slug.Append('-');
            }

            slug.Append(char.ToLowerInvariant(name[i]));
        }

        return slug.ToString();
    }

    /// <summary>Words for people: CaseStudy is "Case study".</summary>
    public static string ToLabel<TEnum>(this TEnum value)
        where TEnum : struct, Enum
    {
        var slug = value.ToSlug().Replace('-', ' ');
        return char.ToUpperInvariant(slug[0]) + slug[1..];
    }

    public static bool TryParse<TEnum>(string? slug, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToSlug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static IEnumerable<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => v.ToSlug());
}
