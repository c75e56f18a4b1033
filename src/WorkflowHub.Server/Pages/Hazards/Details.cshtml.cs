using System.Globalization;
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
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Server.Resources;

namespace WorkflowHub.Server.Pages.Hazards;

/// <summary>
/// A hazard's file (一患一档): its data, the open task(s) of its loop (linked to the task form for those who may act),
/// the loop's timeline, its evidence (download; upload with progress, limits enforced by <see cref="AddEvidence"/>),
/// the decisions about it, the accident it is linked to (or the form to link one, for those who may, through
/// <see cref="LinkHazardToAccident"/>) and the diagram of its loop with the active element marked.
/// </summary>
public sealed class DetailsModel(ISender sender, ICurrentUser currentUser, TimeProvider timeProvider, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>What the accident form posts; strings, so that the server, not binding, judges them.</summary>
    public sealed class AccidentInput
    {
        public string? Reference { get; set; }

        /// <summary>yyyy-MM-dd, as the date input sends it.</summary>
        public string? Date { get; set; }

        public string? Description { get; set; }

        /// <summary>The hazard's version when the form was shown.</summary>
        public long Version { get; set; }
    }

    /// <summary>An open task of the loop, and whether the user may open its form and act on it.</summary>
    public sealed record CurrentTask(HazardTaskView Task, bool MayAct);

    public HazardFile Dossier { get; private set; } = null!;

    public IReadOnlyList<CurrentTask> CurrentTasks { get; private set; } = [];

    public HazardLookups Lookups { get; private set; } = HazardLookups.Empty;

    /// <summary>The version of the loop's workflow, when the user may read the instance; else the diagram shows the latest one.</summary>
    public int? DefinitionVersion { get; private set; }

    public string? EvidenceError { get; private set; }

    [BindProperty]
    public AccidentInput Accident { get; set; } = new();

    /// <summary>The accident form was posted and refused: the page shows it open with its errors.</summary>
    public bool AccidentRefused { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    /// <summary>
    /// Links the hazard to an accident. <see cref="LinkHazardToAccident"/> checks who may, the fields and the version;
    /// each refused field shows its error under it, a refusal of the whole (already linked, changed meanwhile) above.
    /// </summary>
    public async Task<IActionResult> OnPostAccidentAsync(Guid id, CancellationToken cancellationToken)
    {
        var date = DateOnly.TryParseExact(Accident.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        if (date is null)
        {
            ModelState.AddModelError($"{nameof(Accident)}.{nameof(AccidentInput.Date)}", localizer["Hazards.Accident.DateInvalid"]);
        }

        var changedMeanwhile = false;
        IEnumerable<FluentValidation.Results.ValidationFailure> failures = [];
        if (ModelState.IsValid)
        {
            try
            {
                await sender.Send(
                    new LinkHazardToAccident(id, Accident.Reference?.Trim() ?? string.Empty, date!.Value, Accident.Description?.Trim() ?? string.Empty, Accident.Version),
                    cancellationToken);
                return RedirectToPage("Details", new { id });
            }
            catch (ValidationException ex)
            {
                failures = ex.Errors;
            }
            catch (Exception ex) when (ex is ForbiddenException or ConflictException)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
            catch (ConcurrencyException ex)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
                changedMeanwhile = true;
            }
        }

        AccidentRefused = true;
        await LoadAsync(id, cancellationToken);
        foreach (var error in failures)
        {
            ModelState.AddModelError(AccidentField(error.PropertyName), AccidentMessage(error));
        }

        if (changedMeanwhile)
        {
            // The page now shows the hazard as it is; sending the form again links that version.
            ModelState.Remove($"{nameof(Accident)}.{nameof(AccidentInput.Version)}");
            Accident.Version = Dossier.Hazard.Version;
        }

        return Page();
    }

    /// <summary>Whether the user may link this hazard to an accident, and it is not linked yet.</summary>
    public bool MayLinkAccident => !Dossier.Hazard.LinkedToAccident && AccidentLinks.MayLink(currentUser, Dossier.Hazard.ResponsibleUnitCode);

    /// <summary>The judicial referral (移交司法) the rules decided about this hazard, once it is linked to an accident.</summary>
    public HazardDecisionView? JudicialReferral => Dossier.Decisions.FirstOrDefault(d => d.Kind == DecisionKind.JudicialReferral);

    private static string AccidentField(string property) => property switch
    {
        nameof(LinkHazardToAccident.AccidentReference) => $"{nameof(Accident)}.{nameof(AccidentInput.Reference)}",
        nameof(LinkHazardToAccident.AccidentDate) => $"{nameof(Accident)}.{nameof(AccidentInput.Date)}",
        nameof(LinkHazardToAccident.Description) => $"{nameof(Accident)}.{nameof(AccidentInput.Description)}",
        _ => string.Empty,
    };

    /// <summary>The page's own words for what a user can get wrong; other checks (a text too long) keep the validator's message.</summary>
    private string AccidentMessage(FluentValidation.Results.ValidationFailure error) => error switch
    {
        { ErrorCode: "NotEmptyValidator" } => localizer["Hazards.Accident.Required"],
        { PropertyName: nameof(LinkHazardToAccident.AccidentDate), ErrorCode: "NotEqualValidator" } => localizer["Hazards.Accident.DateInvalid"],
        { PropertyName: nameof(LinkHazardToAccident.AccidentDate), ErrorCode: "PredicateValidator" } => localizer["Hazards.Accident.DateFuture"],
        { PropertyName: nameof(LinkHazardToAccident.AccidentDate) } => localizer["Hazards.Accident.DateBeforeFound", AccidentLinks.CityDay(Dossier.Hazard.FoundAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
        _ => error.ErrorMessage,
    };

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
        // The accident form starts on today's date and carries the version shown; a refused post keeps what was sent.
        Accident.Date ??= AccidentLinks.CityDay(timeProvider.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Accident.Version == 0)
        {
            Accident.Version = Dossier.Hazard.Version;
        }

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
