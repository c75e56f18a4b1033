using WorkflowHub.Campaign.Decisions.Evaluation;
using WorkflowHub.Campaign.Hazards.Changes;
using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Campaign.Decisions.Triggers;

/// <summary>
/// Incremental evaluation on the application's change events: a hazard graded, rectified, accepted or rejected,
/// listed, closed or linked to an accident is evaluated at once, so a major hazard is listed for supervision
/// (挂牌督办) when it is graded, not at the next sweep. The decision's trigger names the change.
/// </summary>
public sealed class HazardChangeEvaluation(DecisionService decisions) : IHazardChangeHandler
{
    public async Task OnHazardChangedAsync(HazardChange change, CancellationToken cancellationToken) =>
        await decisions.EvaluateHazardAsync(
            change.HazardId,
            EvaluationTrigger.HazardChanged(change.HazardId.ToString("D")),
            change.Detail,
            cancellationToken);
}
