using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Campaign.Features.Tasks;
using WorkflowHub.Campaign.Workflows;

namespace WorkflowHub.Server.Pages.Tasks;

/// <summary>
/// The inbox: the caller's tasks and its groups' tasks, through the same request as <c>GET /api/tasks</c>.
/// Sorted by due date by default, so overdue tasks come first; area and district keep the tasks of hazards there.
/// </summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Workflow { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? BusinessKey { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OverdueOnly { get; set; }

    [BindProperty(SupportsGet = true)]
    public TaskSortOrder Sort { get; set; } = TaskSortOrder.Due;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<TaskSummary> Tasks { get; private set; } = new([], 0);

    public IReadOnlyList<DefinitionSummary> Workflows { get; private set; } = [];

    /// <summary>The areas and districts to filter by.</summary>
    public Hazards.HazardLookups Lookups { get; private set; } = Hazards.HazardLookups.Empty;

    public int PageCount => Math.Max(1, (Tasks.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Workflows = await sender.Send(new ListDefinitions(), cancellationToken);
        Lookups = await Hazards.HazardLookups.LoadAsync(sender, cancellationToken);
        Tasks = await sender.Send(
            new ListTasks(
                Workflow, BusinessKey, OverdueOnly ? true : null, Sort, (PageNumber - 1) * PageSize, PageSize,
                AreaCode: string.IsNullOrWhiteSpace(Area) ? null : Area,
                DistrictCode: string.IsNullOrWhiteSpace(District) ? null : District),
            cancellationToken);
    }

    /// <summary>The same filters on another page of results.</summary>
    public string PageUrl(int page) => Url.Page("Index", new { Workflow, BusinessKey, Area, District, OverdueOnly, Sort, p = page })!;
}
