using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHub.Campaign.Features.Decisions;
using WorkflowHub.Campaign.Features.OrgUnits;
using WorkflowHub.Server.Infrastructure.Web;

namespace WorkflowHub.Server.Pages.Decisions;

/// <summary>
/// One decision explained: the rule and its description, the thresholds of the policy version in force, the facts it
/// matched and all the facts its subject had (as tables), the reason, the earlier rungs, the workflow it started with its
/// outcome, and a replay on the stored snapshot (htmx posts the replay and swaps in its result).
/// </summary>
[Authorize(Roles = AuditRoles.Names)]
public sealed class DetailsModel(ISender sender) : PageModel
{
    public DecisionDetailView Detail { get; private set; } = null!;

    public ReplayView? Replay { get; private set; }

    public IReadOnlyDictionary<string, OrgUnitView> UnitsByCode { get; private set; } = new Dictionary<string, OrgUnitView>();

    public bool MayReplay => AuditRoles.Replayers.Split(',').Any(User.IsInRole);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        Replay = await sender.Send(new ReplayDecision(id), cancellationToken);
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            return Partial("_Replay", Replay);
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public string UnitName(string code) =>
        UnitsByCode.TryGetValue(code, out var unit) ? UiCultures.Pick(unit.NameZh, unit.NameEn) : code;

    /// <summary>What a person calls the subject; a department by its name rather than its code.</summary>
    public string SubjectName(DecisionSummaryView decision) =>
        decision.SubjectType == WorkflowHub.Rules.Decisions.SubjectType.Department ? UnitName(decision.SubjectLabel) : decision.SubjectLabel;

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Detail = await sender.Send(new GetDecision(id), cancellationToken);
        UnitsByCode = (await sender.Send(new ListOrgUnits(), cancellationToken)).ToDictionary(u => u.Code, StringComparer.Ordinal);
    }
}
