using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace JobQuality.Web.Security;

/// <summary>
/// Keeps personal data out of the logs, whichever code logged it: email addresses are removed from
/// every logged value, and the tokens of mailed links (a cancel, confirm or unsubscribe link works
/// for whoever holds it) are masked in any path, before a sink sees the event.
/// </summary>
public sealed partial class RedactPersonalData : ILogEventEnricher
{
    public const string EmailReplacement = "[email removed]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (Redact(value) is { } redacted)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
            }
        }
    }

    public static string Redact(string text) =>
        TokenPath().Replace(EmailAddress().Replace(text, EmailReplacement), "$1(token)");

    /// <summary>A copy of the value with personal data removed, or null when it holds none.</summary>
    private static LogEventPropertyValue? Redact(LogEventPropertyValue value) => value switch
    {
        // Paths, query strings and addresses are logged as objects, not strings: read them as text too.
        ScalarValue { Value: string or PathString or QueryString or Uri } scalar
            when scalar.Value.ToString() is { } text && Redact(text) is var clean && clean != text => new ScalarValue(clean),
        SequenceValue sequence when sequence.Elements.Any(e => Redact(e) is not null) =>
            new SequenceValue(sequence.Elements.Select(e => Redact(e) ?? e)),
        StructureValue structure when structure.Properties.Any(p => Redact(p.Value) is not null) =>
            new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value) ?? p.Value)), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => Redact(e.Value) is not null) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Redact(e.Value) ?? e.Value))),
        _ => null,
    };

    [GeneratedRegex(@"[^\s@<>""'(),;:/]+@[^\s@<>""'(),;:/]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    [GeneratedRegex("(webinars/[^/\\s]+/cancel/|newsletter/(?:confirm|unsubscribe)/)[^/?#\\s\"']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPath();
}
