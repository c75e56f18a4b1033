using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Campaign.Features.Lists;
using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Server.Pages.Hazards;

/// <summary>
/// The hazard registry (隐患台账): the hazards the user may see, through the same request as <c>GET /api/hazards</c>,
/// filtered, sorted and paged; the two lists (两个清单) as XLSX.
/// </summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public HazardGrade? Grade { get; set; }

    [BindProperty(SupportsGet = true)]
    public HazardState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public HazardSource? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OverdueOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public HazardSortOrder Sort { get; set; } = HazardSortOrder.Newest;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public HazardPage Hazards { get; private set; } = new([], 0, 1, PageSize);

    public HazardLookups Lookups { get; private set; } = HazardLookups.Empty;

    public int PageCount => Math.Max(1, (Hazards.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim()[..Math.Min(Text.Trim().Length, ListHazards.MaxTextLength)];
        Lookups = await HazardLookups.LoadAsync(sender, cancellationToken);
        Hazards = await sender.Send(
            new ListHazards(Blank(Area), Blank(District), Blank(Unit), Grade, State, OverdueOnly ? true : null, Source, PageNumber, PageSize, Text, Sort),
            cancellationToken);
    }

    /// <summary>问题隐患清单 of the hazards the user may see, one sheet per area.</summary>
    public async Task<IActionResult> OnGetHazardListAsync(CancellationToken cancellationToken) =>
        File(await sender.Send(new ExportHazardList(), cancellationToken), XlsxType, "问题隐患清单.xlsx");

    /// <summary>制度措施清单, one sheet per area.</summary>
    public async Task<IActionResult> OnGetMeasureListAsync(CancellationToken cancellationToken) =>
        File(await sender.Send(new ExportMeasureList(), cancellationToken), XlsxType, "制度措施清单.xlsx");

    /// <summary>The same filters on another page of results.</summary>
    public string PageUrl(int page) =>
        Url.Page("Index", new { Area, District, Unit, Grade, State, Source, OverdueOnly, q = Text, Sort, p = page })!;

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
