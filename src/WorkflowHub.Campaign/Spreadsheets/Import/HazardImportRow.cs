namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>A hazard read from an enterprise's self-inspection list, validated and resolved to the plan's codes.</summary>
/// <param name="RowNumber">The row in the file (1-based, counting the title and header rows), for messages back to the user.</param>
public sealed record HazardImportRow(
    int RowNumber,
    string Title,
    string? Description,
    string AreaCode,
    string DistrictCode,
    string? Enterprise,
    HazardImportSource Source,
    DateOnly FoundAt,
    string? Location);
