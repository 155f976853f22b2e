using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace JobQuality.Web.Webinars;

/// <summary>
/// A cancel link works for whoever holds it, so its token is kept out of the logs: any logged value
/// holding a cancel path (the request path, routing's messages) has the token replaced.
/// </summary>
public sealed partial class CancelLinkRedactor : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? redacted = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && text.Contains("/cancel/", StringComparison.OrdinalIgnoreCase))
            {
                (redacted ??= []).Add(new LogEventProperty(name, new ScalarValue(Redact(text))));
            }
        }

        foreach (var property in redacted ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    public static string Redact(string text) => CancelPath().Replace(text, "$1(token)");

    [GeneratedRegex("(/webinars/[^/\\s]+/cancel/)[^/?#\\s\"']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancelPath();
}
