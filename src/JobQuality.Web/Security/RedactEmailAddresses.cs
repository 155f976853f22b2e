using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace JobQuality.Web.Security;

/// <summary>
/// Keeps personal data out of the logs: any logged value that holds an email address is rewritten
/// before a sink sees it, whichever code logged it.
/// </summary>
public sealed partial class RedactEmailAddresses : ILogEventEnricher
{
    public const string Replacement = "[email removed]";

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

    public static string Redact(string text) => EmailAddress().Replace(text, Replacement);

    private static LogEventPropertyValue? Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when EmailAddress().IsMatch(text) => new ScalarValue(Redact(text)),
        SequenceValue sequence when sequence.Elements.Any(e => Redact(e) is not null) =>
            new SequenceValue(sequence.Elements.Select(e => Redact(e) ?? e)),
        StructureValue structure when structure.Properties.Any(p => Redact(p.Value) is not null) =>
            new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value) ?? p.Value)), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => Redact(e.Value) is not null) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Redact(e.Value) ?? e.Value))),
        _ => null,
    };

    [GeneratedRegex(@"[^\s@<>""'(),;:]+@[^\s@<>""'(),;:]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}
