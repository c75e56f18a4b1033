namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>
/// What a file held. The caller imports nothing while <see cref="Errors"/> is non-empty, unless the user chose to import
/// the valid rows; a refused file (<see cref="IsRejected"/>) has no valid rows at all.
/// </summary>
public sealed record ImportResult(IReadOnlyList<HazardImportRow> ValidRows, IReadOnlyList<ImportRowError> Errors, int TotalRows)
{
    public bool HasErrors => Errors.Count > 0;

    public bool IsRejected => Errors.Any(e => e.IsFileError);

    internal static ImportResult Rejected(ImportRowError error, int totalRows = 0) => new([], [error], totalRows);
}
