using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Spreadsheets.Export;

namespace WorkflowHub.Campaign.Features.Lists;

/// <summary>问题隐患清单.xlsx of the hazards the user may see: a summary sheet, then one sheet per area.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ExportHazardList : IQuery<byte[]>;

public sealed class ExportHazardListHandler(CampaignDbContext db, ICurrentUser user, TwoListsWorkbookWriter writer, TimeProvider timeProvider)
    : IQueryHandler<ExportHazardList, byte[]>
{
    public async ValueTask<byte[]> Handle(ExportHazardList query, CancellationToken cancellationToken)
    {
        var context = await ListExportContext.LoadAsync(db, user, timeProvider, cancellationToken);
        var hazards = await db.Hazards.AsNoTracking().VisibleTo(user).OrderBy(h => h.Number).ToListAsync(cancellationToken);
        var rows = hazards.Select(h => new HazardListRow(
            h.Number,
            h.Title,
            h.Description,
            h.AreaCode,
            context.UnitName(h.DistrictCode),
            context.UnitName(h.ResponsibleUnitCode),
            h.EnterpriseName ?? context.UnitName(h.EnterpriseUnitCode),
            ListLabels.Source(h.Source),
            ListLabels.Grade(h.Grade),
            ListExportContext.LocalDate(h.FoundAt),
            h.DueAt is { } due ? ListExportContext.LocalDate(due) : null,
            ListLabels.State(h.State),
            h.ListedForSupervision,
            h.ClosedAt is { } closed ? ListExportContext.LocalDate(closed) : null));
        using var output = new MemoryStream();
        writer.WriteHazardList(output, context.Header, context.Areas, rows);
        return output.ToArray();
    }
}
