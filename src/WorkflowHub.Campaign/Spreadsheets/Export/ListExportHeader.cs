namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>What the title and subtitle rows of every sheet say: the campaign, the unit filling in the list and the export date.</summary>
public sealed record ListExportHeader(string CampaignNameZh, string ReportingUnitZh, DateOnly ExportDate);
