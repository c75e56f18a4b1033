using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Server.Pages.Designer;

/// <summary>
/// The designer for one process key: the bpmn-js island talks to the definitions API (draft, validate, publish, versions);
/// the page lists the deployed versions and refreshes that list with htmx after a publish.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class EditModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = string.Empty;

    public IReadOnlyList<DefinitionVersionView> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Versions = await LoadVersionsAsync(cancellationToken);
        return Page();
    }

    /// <summary>The version list alone, for htmx to swap in.</summary>
    public async Task<IActionResult> OnGetVersionsAsync(CancellationToken cancellationToken)
    {
        Versions = await LoadVersionsAsync(cancellationToken);
        return Partial("_Versions", this);
    }

    private async Task<IReadOnlyList<DefinitionVersionView>> LoadVersionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await sender.Send(new GetDefinition(Key), cancellationToken)).Versions;
        }
        catch (NotFoundException)
        {
            // A key not deployed yet: the designer starts a new diagram.
            return [];
        }
    }
}
