using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace JobQuality.Web.Shared;

/// <summary>
/// The CSV files editors download (registrations, subscribers): written in the invariant culture,
/// times in UTC as ISO 8601, and a cell that starts like a formula escaped so that it stays text
/// when the file is opened in a spreadsheet.
/// </summary>
/// <remarks>
/// The columns are mapped on an instance rather than in a <c>ClassMap</c> subclass: MVC looks at
/// every type of the site's assembly for controllers when it starts, and a type deriving from
/// CsvHelper's would load CsvHelper into every site, including those that never export a file.
/// </remarks>
internal static class CsvFile
{
    public static async Task WriteAsync<TRow>(
        TextWriter writer, IEnumerable<TRow> rows, Action<ClassMap<TRow>> columns, CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            InjectionOptions = InjectionOptions.Escape,
        };
        var map = new DefaultClassMap<TRow>();
        columns(map);
        await using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        csv.Context.RegisterClassMap(map);
        await csv.WriteRecordsAsync(rows, cancellationToken);
        await csv.FlushAsync();
    }

    /// <summary>A UTC time as the files write it: 2026-05-14T17:00:00Z.</summary>
    public static string Utc(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
