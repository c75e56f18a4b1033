namespace WorkflowHub.Campaign.Hazards.Changes;

/// <summary>Told of every hazard change after it has been saved (register as scoped; see <see cref="HazardChangePublisher"/>).</summary>
public interface IHazardChangeHandler
{
    Task OnHazardChangedAsync(HazardChange change, CancellationToken cancellationToken);
}
