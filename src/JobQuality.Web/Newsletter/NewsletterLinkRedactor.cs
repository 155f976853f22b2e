using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace JobQuality.Web.Newsletter;

/// <summary>
/// Confirm and unsubscribe links work for whoever holds them, so their token is kept out of the
/// logs: any logged value holding such a path has the token replaced.
/// </summary>
public sealed partial class NewsletterLinkRedactor : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? redacted = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && text.Contains("/newsletter/", StringComparison.OrdinalIgnoreCase))
            {
                (redacted ??= []).Add(new LogEventProperty(name, new ScalarValue(Redact(text))));
            }
        }

        foreach (var property in redacted ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    public static string Redact(string text) => TokenPath().Replace(text, "$1(token)");

    [GeneratedRegex("(/newsletter/(?:confirm|unsubscribe)/)[^/?#\\s\"']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPath();
}
