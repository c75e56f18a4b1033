namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>Bounds on what one upload may hold, so a careless or hostile file cannot tie up the server.</summary>
public sealed record ImportLimits(long MaxFileBytes = ImportLimits.DefaultMaxFileBytes, int MaxRows = ImportLimits.DefaultMaxRows)
{
    public const long DefaultMaxFileBytes = 10L * 1024 * 1024;
    public const int DefaultMaxRows = 20_000;

    /// <summary>How many rows above the data may hold a title before the header must have appeared.</summary>
    public int MaxHeaderSearchRows { get; init; } = 20;

    public static ImportLimits Default { get; } = new();
}
