using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Campaign.Spreadsheets.Import;
using WorkflowHub.Server.Resources;

namespace WorkflowHub.Server.Pages.Hazards;

/// <summary>
/// Bulk import of a self-inspection list (XLSX or CSV) through <see cref="ImportHazards"/>: the upload island shows the
/// bytes sent, the server reads and checks every row, and the page shows what was imported and each row's errors.
/// A file with errors imports nothing unless "import the valid rows" is ticked.
/// </summary>
[Authorize(Roles = HazardLookups.ReportingRoles)]
public sealed class ImportModel(ISender sender, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public HazardImportOutcome? Outcome { get; private set; }

    public string? FileName { get; private set; }

    public string? FileError { get; private set; }

    public bool ImportValidRows { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool importValidRows, CancellationToken cancellationToken)
    {
        ImportValidRows = importValidRows;
        if (file is null || file.Length == 0)
        {
            FileError = localizer["Hazards.Import.NoFile"];
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        try
        {
            await using var content = file.OpenReadStream();
            Outcome = await sender.Send(new ImportHazards(content, importValidRows), cancellationToken);
        }
        catch (ValidationException ex)
        {
            FileError = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage).DefaultIfEmpty(ex.Message));
        }

        return Page();
    }

    /// <summary>
    /// The template: a CSV (UTF-8 with a byte order mark, so that Excel shows the Chinese) with the columns the import
    /// reads, required ones marked with an asterisk, and one example row.
    /// </summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken)
    {
        var lookups = await HazardLookups.LoadAsync(sender, cancellationToken);
        var columns = Enum.GetValues<HazardImportColumn>();
        var header = columns.Select(c => HazardImportColumns.HeaderZh(c) + (HazardImportColumns.Required.Contains(c) ? "*" : string.Empty));
        var example = columns.Select(c => c switch
        {
            HazardImportColumn.Title => "疏散通道堵塞",
            HazardImportColumn.Description => "一层东侧疏散通道堆放货物",
            HazardImportColumn.Area => lookups.Areas.Count > 0 ? lookups.Areas[0].NameZh : string.Empty,
            HazardImportColumn.District => lookups.Districts.Count > 0 ? lookups.Districts[0].NameZh : string.Empty,
            HazardImportColumn.Enterprise => "某某商贸有限公司",
            HazardImportColumn.Source => "企业自查",
            HazardImportColumn.FoundAt => DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            HazardImportColumn.Location => "一层东侧",
            _ => string.Empty,
        });
        var text = string.Join(',', header.Select(Csv)) + "\r\n" + string.Join(',', example.Select(Csv)) + "\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "隐患自查清单模板.csv");
    }

    /// <summary>The error's message in the page's language.</summary>
    public static string Message(ImportErrorView error) =>
        Infrastructure.Web.UiCultures.Pick(error.MessageZh, error.MessageEn);

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
