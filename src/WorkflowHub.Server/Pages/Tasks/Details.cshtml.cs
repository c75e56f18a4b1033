using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Campaign.Features.Tasks;

namespace WorkflowHub.Server.Pages.Tasks;

/// <summary>
/// One task: its facts, a claim button, and the task form (form-js island) that posts to
/// <c>/api/tasks/{id}/complete</c>, where the server validates the fields against the task's form.
/// </summary>
public sealed class DetailsModel(ISender sender) : PageModel
{
    private static readonly JsonSerializerOptions VariablesJson = new(JsonSerializerDefaults.Web);

    public TaskDetails Task { get; private set; } = null!;

    /// <summary>The names the diagram of the task's version gives its process and elements.</summary>
    public DiagramNames Names { get; private set; } = DiagramNames.None;

    public string VariablesJsonText => JsonSerializer.Serialize(Task.Variables, VariablesJson);

    /// <summary>The names of the org units the task's candidate groups name.</summary>
    public Hazards.HazardLookups Lookups { get; private set; } = Hazards.HazardLookups.Empty;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Task = await sender.Send(new GetTask(id), cancellationToken);
        Names = await sender.Send(new GetDiagramNames(Task.DefinitionId), cancellationToken);
        Lookups = await Hazards.HazardLookups.LoadAsync(sender, cancellationToken);
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        await sender.Send(new ClaimTask(id), cancellationToken);
        return RedirectToPage("Details", new { id });
    }
}
