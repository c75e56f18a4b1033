using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Campaign.Features.Incidents;
using WorkflowHub.Campaign.Features.Instances;

namespace WorkflowHub.Server.Pages.Instances;

/// <summary>
/// One instance: the diagram of its version with completed elements, active tokens and incidents marked (viewer island
/// reading <c>/api/instances/{id}</c>), its history timeline and variables; cancel and retry for those allowed.
/// </summary>
public sealed class DetailsModel(ISender sender) : PageModel
{
    private static readonly JsonSerializerOptions ValueJson = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public InstanceDetails Instance { get; private set; } = null!;

    public IReadOnlyList<HistoryEventView> History { get; private set; } = [];

    /// <summary>The names the diagram of the instance's version gives its process and its elements, to show beside their ids.</summary>
    public DiagramNames Names { get; private set; } = DiagramNames.None;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Instance = await sender.Send(new GetInstance(id), cancellationToken);
        History = await sender.Send(new GetInstanceHistory(id), cancellationToken);
        Names = await sender.Send(new GetDiagramNames(Instance.DefinitionId), cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await sender.Send(new CancelInstance(id), cancellationToken);
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, Guid incidentId, CancellationToken cancellationToken)
    {
        await sender.Send(new RetryIncident(incidentId), cancellationToken);
        return RedirectToPage("Details", new { id });
    }

    public static string Show(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        _ => JsonSerializer.Serialize(value, ValueJson),
    };
}
