using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Features.Definitions;

namespace WorkflowHub.Server.Pages.Designer;

/// <summary>The workflows an admin can open in the designer, each with its latest version.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<DefinitionSummary> Definitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Definitions = await sender.Send(new ListDefinitions(), cancellationToken);

    /// <summary>From the "new workflow" form: opens the designer on the key typed.</summary>
    public IActionResult OnGetOpen(string? key) =>
        string.IsNullOrWhiteSpace(key) ? RedirectToPage("Index") : RedirectToPage("Edit", new { key = key.Trim() });
}
