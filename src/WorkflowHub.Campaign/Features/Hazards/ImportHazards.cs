using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Campaign.Spreadsheets.Export;
using WorkflowHub.Campaign.Spreadsheets.Import;
using WorkflowHub.Campaign.Workflows;

namespace WorkflowHub.Campaign.Features.Hazards;

/// <summary>
/// Imports a self-inspection list (XLSX or CSV). A file with any error imports nothing, unless
/// <see cref="ImportValidRows"/> asks for the valid rows anyway; a refused file (not a spreadsheet, no header) never imports.
/// Every imported hazard starts its own loop, all in one transaction.
/// </summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentOfficer, Roles.DepartmentHead, Roles.LocalGovernment, Roles.Enterprise)]
public sealed record ImportHazards(Stream Content, bool ImportValidRows) : ICommand<HazardImportOutcome>;

/// <summary>What happened to a file: how many rows it had, which hazards were created and what was wrong, row by row.</summary>
public sealed record HazardImportOutcome(int TotalRows, int Imported, IReadOnlyList<string> Numbers, IReadOnlyList<ImportErrorView> Errors);

/// <param name="Row">The file's row number, or null when the whole file was refused.</param>
/// <param name="Code">One of <see cref="ImportErrorCode"/>, or <see cref="NotPermittedCode"/>.</param>
public sealed record ImportErrorView(int? Row, string? Column, string Code, string MessageZh, string MessageEn)
{
    public const string NotPermittedCode = "NotPermitted";

    public static ImportErrorView From(ImportRowError error) =>
        new(error.RowNumber, error.ColumnZh, error.Code.ToString(), error.MessageZh, error.MessageEn);
}

public sealed class ImportHazardsHandler(CampaignDbContext db, ICurrentUser user, HazardRegistrar registrar, TimeProvider timeProvider)
    : ICommandHandler<ImportHazards, HazardImportOutcome>
{
    /// <summary>Dates in the lists are local dates of the city (UTC+8).</summary>
    private static readonly TimeSpan CityOffset = TimeSpan.FromHours(8);

    public async ValueTask<HazardImportOutcome> Handle(ImportHazards command, CancellationToken cancellationToken)
    {
        var reader = new HazardImportReader(await BuildLookupsAsync(cancellationToken), timeProvider);
        var result = await reader.ReadAsync(command.Content, cancellationToken: cancellationToken);
        var errors = result.Errors.Select(ImportErrorView.From).ToList();
        if (result.IsRejected)
        {
            return new HazardImportOutcome(result.TotalRows, 0, [], errors);
        }

        var enterprises = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Enterprise).ToListAsync(cancellationToken);
        var reports = new List<NewHazard>();
        foreach (var row in result.ValidRows)
        {
            var enterprise = user.IsInRole(Roles.Enterprise) && !OrgUnitScope.SeesAllUnits(user)
                ? user.OrgUnitCode
                : enterprises.Find(e => e.NameZh == row.Enterprise?.Trim() || e.Code == row.Enterprise?.Trim())?.Code;
            var report = new ReportHazard(
                row.Title,
                string.IsNullOrWhiteSpace(row.Description) ? row.Title : row.Description,
                row.AreaCode,
                row.DistrictCode,
                enterprise,
                row.Enterprise,
                ToSource(row.Source),
                new DateTimeOffset(row.FoundAt.ToDateTime(TimeOnly.MinValue), CityOffset),
                row.Location,
                ResponsibleUnitCode: null);
            try
            {
                reports.Add(await HazardReports.ResolveAsync(db, user, report, cancellationToken));
            }
            catch (Exception ex) when (ex is ForbiddenException or FluentValidation.ValidationException)
            {
                errors.Add(new ImportErrorView(row.RowNumber, null, ImportErrorView.NotPermittedCode,
                    $"第{row.RowNumber}行：无权上报或无法确定责任单位", $"row {row.RowNumber}: {ex.Message}"));
            }
        }

        if (errors.Count > 0 && !command.ImportValidRows)
        {
            return new HazardImportOutcome(result.TotalRows, 0, [], errors.OrderBy(e => e.Row).ToList());
        }

        var hazards = await registrar.RegisterAsync(reports, user.UserName ?? "system", TaskCandidates.EngineUserId(user), cancellationToken);
        return new HazardImportOutcome(result.TotalRows, hazards.Count, hazards.Select(h => h.Number).ToList(), errors.OrderBy(e => e.Row).ToList());
    }

    private static HazardSource ToSource(HazardImportSource source) => source switch
    {
        HazardImportSource.SelfInspection => HazardSource.SelfInspection,
        HazardImportSource.PublicReport => HazardSource.PublicReport,
        // 四不两直 is an unannounced inspection.
        _ => HazardSource.Inspection,
    };

    private async Task<ImportLookups> BuildLookupsAsync(CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Number).Select(a => new SpreadsheetArea(a.Number, a.Code, a.NameZh, null)).ToListAsync(cancellationToken);
        var districts = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Kind == OrgUnitKind.District)
            .Select(u => new LookupEntry(u.Code, u.NameZh, Array.Empty<string>()))
            .ToListAsync(cancellationToken);
        return ImportLookups.FromPlan(areas, districts);
    }
}
