using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Campaign.Features.Instances;
using WorkflowHub.Campaign.Features.Tasks;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Server.Resources;

namespace WorkflowHub.Server.Pages.Hazards;

/// <summary>
/// A hazard's file (一患一档): its data, the open task(s) of its loop (linked to the task form for those who may act),
/// the loop's timeline, its evidence (download; upload with progress, limits enforced by <see cref="AddEvidence"/>),
/// the decisions about it and the diagram of its loop with the active element marked.
/// </summary>
public sealed class DetailsModel(ISender sender, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>An open task of the loop, and whether the user may open its form and act on it.</summary>
    public sealed record CurrentTask(HazardTaskView Task, bool MayAct);

    public HazardFile Dossier { get; private set; } = null!;

    public IReadOnlyList<CurrentTask> CurrentTasks { get; private set; } = [];

    public HazardLookups Lookups { get; private set; } = HazardLookups.Empty;

    /// <summary>The version of the loop's workflow, when the user may read the instance; else the diagram shows the latest one.</summary>
    public int? DefinitionVersion { get; private set; }

    public string? EvidenceError { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    /// <summary>
    /// The loop's state for the diagram, in the shape the viewer island reads: elements started and not yet left are
    /// active, elements completed at least once are completed. Computed from the file, so whoever may see the hazard
    /// sees its diagram, even without the right to read the workflow instance itself.
    /// </summary>
    public async Task<IActionResult> OnGetLoopStateAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await sender.Send(new GetHazard(id), cancellationToken);
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        var completed = new List<string>();
        var ended = false;
        foreach (var entry in file.History.OrderBy(e => e.Sequence))
        {
            switch (entry.Type)
            {
                case "ActivityStarted" when entry.ElementId is not null:
                    open[entry.ElementId] = open.GetValueOrDefault(entry.ElementId) + 1;
                    break;
                case "ActivityCompleted" or "ActivityCancelled" when entry.ElementId is not null:
                    open[entry.ElementId] = Math.Max(0, open.GetValueOrDefault(entry.ElementId) - 1);
                    if (entry.Type == "ActivityCompleted" && !completed.Contains(entry.ElementId))
                    {
                        completed.Add(entry.ElementId);
                    }

                    break;
                case "InstanceCompleted" or "InstanceCancelled" or "InstanceTerminated":
                    ended = true;
                    break;
            }
        }

        var active = ended
            ? []
            : open.Where(pair => pair.Value > 0).Select(pair => pair.Key).Union(file.CurrentTasks.Select(t => t.ElementId)).ToList();
        return new JsonResult(new { activeElementIds = active, completedElementIds = completed, incidents = Array.Empty<object>() });
    }

    /// <summary>
    /// Evidence upload (posted by the upload island with a progress bar). <see cref="AddEvidence"/> checks the role, the
    /// type (by content) and the size; a refused file shows its reason on the page.
    /// </summary>
    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            EvidenceError = localizer["Hazards.Evidence.NoFile"];
        }
        else
        {
            try
            {
                await using var content = file.OpenReadStream();
                await sender.Send(new AddEvidence(id, file.FileName, content), cancellationToken);
                return RedirectToPage("Details", new { id });
            }
            catch (ValidationException ex)
            {
                EvidenceError = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage).DefaultIfEmpty(ex.Message));
            }
            catch (ForbiddenException ex)
            {
                EvidenceError = ex.Message;
            }
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>Whether the hazard's file still takes evidence from this user.</summary>
    public bool MayAddEvidence =>
        Dossier.Hazard.State != HazardState.Closed && HazardLookups.ReportingRoles.Split(',').Any(User.IsInRole);

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Dossier = await sender.Send(new GetHazard(id), cancellationToken);
        Lookups = await HazardLookups.LoadAsync(sender, cancellationToken);
        var tasks = new List<CurrentTask>();
        foreach (var task in Dossier.CurrentTasks)
        {
            tasks.Add(new CurrentTask(task, await MayActAsync(task.Id, cancellationToken)));
        }

        CurrentTasks = tasks;
        if (Dossier.Hazard.InstanceId is { } instanceId)
        {
            try
            {
                DefinitionVersion = (await sender.Send(new GetInstance(instanceId), cancellationToken)).DefinitionVersion;
            }
            catch (Exception ex) when (ex is NotFoundException or ForbiddenException)
            {
                DefinitionVersion = null;
            }
        }
    }

    private async Task<bool> MayActAsync(Guid taskId, CancellationToken cancellationToken)
    {
        try
        {
            return (await sender.Send(new GetTask(taskId), cancellationToken)).CanWork;
        }
        catch (NotFoundException)
        {
            // Not offered to the user: the file names the task but does not link to its form.
            return false;
        }
    }
}
