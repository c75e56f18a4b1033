using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Spreadsheets.Export;

namespace WorkflowHub.Campaign.Features.Lists;

/// <summary>What both exports need: the sheet header, the plan's areas in order and the names of org units.</summary>
internal sealed record ListExportContext(ListExportHeader Header, IReadOnlyList<SpreadsheetArea> Areas, IReadOnlyDictionary<string, string> UnitNames)
{
    /// <summary>Dates in the lists are the city's local dates (UTC+8).</summary>
    public static readonly TimeSpan CityOffset = TimeSpan.FromHours(8);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(CityOffset).DateTime);

    public string? UnitName(string? code) => code is null ? null : UnitNames.GetValueOrDefault(code, code);

    public static async Task<ListExportContext> LoadAsync(CampaignDbContext db, ICurrentUser user, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var profile = await db.CampaignProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The campaign plan has not been imported.");
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Number)
            .Select(a => new SpreadsheetArea(a.Number, a.Code, a.NameZh, null))
            .ToListAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.NameZh, cancellationToken);
        var reportingUnit = user.OrgUnitCode is { } code ? units.GetValueOrDefault(code, code) : "市安委会办公室";
        var header = new ListExportHeader(profile.NameZh, reportingUnit, LocalDate(timeProvider.GetUtcNow()));
        return new ListExportContext(header, areas, units);
    }
}
