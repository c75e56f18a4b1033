using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Server.Infrastructure.Web;
using WorkflowHub.Server.Resources;

namespace WorkflowHub.Server.Pages.Hazards;

/// <summary>
/// Report a hazard: the form posts here, <see cref="ReportHazard"/> validates it on the server (each error shown under
/// its field) and starts the loop; the user then lands on the hazard's file.
/// </summary>
[Authorize(Roles = HazardLookups.ReportingRoles)]
public sealed class ReportModel(ISender sender, TimeProvider timeProvider, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>What the form posts; everything is a string or an option so that the server, not binding, judges it.</summary>
    public sealed class ReportInput
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? AreaCode { get; set; }

        public string? DistrictCode { get; set; }

        public string? EnterpriseName { get; set; }

        public HazardSource Source { get; set; } = HazardSource.Inspection;

        public string? FoundAt { get; set; }

        public string? Location { get; set; }

        public string? ResponsibleUnitCode { get; set; }
    }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public HazardLookups Lookups { get; private set; } = HazardLookups.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.FoundAt = timeProvider.GetUtcNow().ToOffset(CityTime.Offset).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        Lookups = await HazardLookups.LoadAsync(sender, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Binding problems (a source that is no option) are reported like the server's own validation errors.
        var foundAt = ParseFoundAt(Input.FoundAt);
        if (foundAt is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ReportInput.FoundAt)}", localizer["Hazards.Report.FoundAtInvalid"]);
        }

        if (ModelState.IsValid)
        {
            try
            {
                var reported = await sender.Send(
                    new ReportHazard(
                        Input.Title?.Trim() ?? string.Empty,
                        Input.Description?.Trim() ?? string.Empty,
                        Input.AreaCode ?? string.Empty,
                        Input.DistrictCode ?? string.Empty,
                        EnterpriseUnitCode: null,
                        Blank(Input.EnterpriseName),
                        Input.Source,
                        foundAt!.Value,
                        Blank(Input.Location),
                        Blank(Input.ResponsibleUnitCode)),
                    cancellationToken);
                return RedirectToPage("Details", new { id = reported.Id });
            }
            catch (ValidationException ex)
            {
                foreach (var error in ex.Errors)
                {
                    ModelState.AddModelError($"{nameof(Input)}.{error.PropertyName}", Message(error));
                }
            }
            catch (ForbiddenException ex)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
        }

        Lookups = await HazardLookups.LoadAsync(sender, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The page's own words for what a user can get wrong (a missing field, a choice that is not on the list, a future
    /// date); other checks (a text too long) keep the validator's message.
    /// </summary>
    private string Message(FluentValidation.Results.ValidationFailure error) => error switch
    {
        { ErrorCode: "NotEmptyValidator" } => localizer["Hazards.Report.Required"],
        { PropertyName: nameof(ReportHazard.AreaCode) or nameof(ReportHazard.DistrictCode) or nameof(ReportHazard.ResponsibleUnitCode) or nameof(ReportHazard.EnterpriseUnitCode) }
            => localizer["Hazards.Report.UnknownChoice"],
        { PropertyName: nameof(ReportHazard.FoundAt) } => localizer["Hazards.Report.FoundAtFuture"],
        _ => error.ErrorMessage,
    };

    /// <summary>Times typed into the form are the city's local time (UTC+8).</summary>
    private static DateTimeOffset? ParseFoundAt(string? text) =>
        DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, CityTime.Offset)
            : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
