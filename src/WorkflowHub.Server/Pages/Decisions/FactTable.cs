using System.Globalization;
using System.Text.Json;
using WorkflowHub.Server.Infrastructure.Web;

namespace WorkflowHub.Server.Pages.Decisions;

/// <summary>
/// A fact (or a list of facts) of a decision snapshot as a table an auditor reads: one row per fact, one column per
/// property (the union, since properties that were null are not stored), values as text with times in the city's clock.
/// </summary>
public sealed record FactTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<JsonElement?>> Rows)
{
    /// <summary>A list of facts: one row each. A single fact is a list of one.</summary>
    public static FactTable From(JsonElement value)
    {
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var columns = new List<string>();
        foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
        {
            foreach (var property in item.EnumerateObject())
            {
                if (!columns.Contains(property.Name, StringComparer.Ordinal))
                {
                    columns.Add(property.Name);
                }
            }
        }

        var rows = items
            .Where(i => i.ValueKind == JsonValueKind.Object)
            .Select(item => (IReadOnlyList<JsonElement?>)columns
                .Select(column => item.TryGetProperty(column, out var cell) ? cell : (JsonElement?)null)
                .ToList())
            .ToList();
        return new FactTable(columns, rows);
    }

    /// <summary>The sections of a snapshot's inputs (clock, hazards, tasks, ...) that hold anything.</summary>
    public static IEnumerable<(string Section, FactTable Table)> Sections(JsonElement inputs)
    {
        if (inputs.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var section in inputs.EnumerateObject())
        {
            var table = From(section.Value);
            if (table.Rows.Count > 0)
            {
                yield return (section.Name, table);
            }
        }
    }

    /// <summary>One value as text: times in the city's clock, true/false in the page's language, nested values as JSON.</summary>
    public static string Show(JsonElement? cell, string yes, string no) => cell switch
    {
        null => "—",
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "—",
        { ValueKind: JsonValueKind.True } => yes,
        { ValueKind: JsonValueKind.False } => no,
        { ValueKind: JsonValueKind.String } value => ShowText(value.GetString() ?? string.Empty),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        { } value => value.GetRawText(),
    };

    private static string ShowText(string text) =>
        text.Length >= 19 && text[10] == 'T'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? CityTime.Format(instant)
            : text;

    /// <summary>The short name of a fact type ("WorkflowHub.Rules.Facts.HazardFact" → "HazardFact").</summary>
    public static string ShortType(string factType) =>
        factType[(factType.LastIndexOf('.') + 1)..];
}
