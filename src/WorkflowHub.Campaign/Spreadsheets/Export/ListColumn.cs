namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>One printed column of a list: its Chinese header, its width in characters and how a row fills it.</summary>
/// <remarks>The value is a string, a <see cref="DateOnly"/> (written as a real date shown yyyy-MM-dd) or null.</remarks>
public sealed record ListColumn<TRow>(string HeaderZh, double Width, Func<TRow, object?> Value, bool Wrap = false);
