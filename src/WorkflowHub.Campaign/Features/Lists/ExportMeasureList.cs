using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Spreadsheets.Export;

namespace WorkflowHub.Campaign.Features.Lists;

/// <summary>制度措施清单.xlsx: every institutional measure, a summary sheet, then one sheet per area.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ExportMeasureList : IQuery<byte[]>;

public sealed class ExportMeasureListHandler(CampaignDbContext db, ICurrentUser user, TwoListsWorkbookWriter writer, TimeProvider timeProvider)
    : IQueryHandler<ExportMeasureList, byte[]>
{
    public async ValueTask<byte[]> Handle(ExportMeasureList query, CancellationToken cancellationToken)
    {
        var context = await ListExportContext.LoadAsync(db, user, timeProvider, cancellationToken);
        var measures = await db.InstitutionalMeasures.AsNoTracking().OrderBy(m => m.Number).ToListAsync(cancellationToken);
        var rows = measures.Select(m => new MeasureListRow(
            m.Number,
            m.Title,
            m.Content,
            m.AreaCode,
            context.UnitName(m.ResponsibleUnitCode),
            m.Timetable,
            ListLabels.State(m.State),
            m.CompletedAt is { } done ? ListExportContext.LocalDate(done) : null));
        using var output = new MemoryStream();
        writer.WriteMeasureList(output, context.Header, context.Areas, rows);
        return output.ToArray();
    }
}
