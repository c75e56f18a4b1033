using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Hazards.Evidence;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Hazards;

/// <summary>
/// Attaches a photo or PDF to a hazard's file. The type is read from the content, the size is bounded and the file is
/// stored under its SHA-256; auditors read but do not add.
/// </summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentOfficer, Roles.DepartmentHead, Roles.LocalGovernment, Roles.Enterprise)]
public sealed record AddEvidence(Guid HazardId, string? FileName, Stream Content) : ICommand<EvidenceView>;

public sealed class AddEvidenceHandler(CampaignDbContext db, ICurrentUser user, EvidenceStore store, TimeProvider timeProvider)
    : ICommandHandler<AddEvidence, EvidenceView>
{
    public async ValueTask<EvidenceView> Handle(AddEvidence command, CancellationToken cancellationToken)
    {
        var hazard = await db.Hazards.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(h => h.Id == command.HazardId, cancellationToken)
            ?? throw NotFoundException.For("Hazard", command.HazardId.ToString());
        if (hazard.State == HazardState.Closed)
        {
            throw new ForbiddenException($"Hazard {hazard.Number} is closed; its file takes no more evidence.");
        }

        var stored = await store.SaveAsync(hazard.Id, command.Content, cancellationToken);
        var evidence = new HazardEvidence
        {
            Id = Guid.CreateVersion7(timeProvider.GetUtcNow()),
            HazardId = hazard.Id,
            FileName = EvidenceFileName.Sanitize(command.FileName, stored.Extension),
            ContentType = stored.ContentType,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            StoragePath = stored.RelativePath,
            UploadedBy = user.UserName ?? "system",
            UploadedAt = timeProvider.GetUtcNow(),
        };
        db.HazardEvidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return EvidenceView.From(evidence);
    }
}
