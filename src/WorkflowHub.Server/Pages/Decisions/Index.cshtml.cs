using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHub.Campaign.Features.Decisions;
using WorkflowHub.Campaign.Features.OrgUnits;
using WorkflowHub.Campaign.Features.Rules;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Server.Infrastructure.Web;

namespace WorkflowHub.Server.Pages.Decisions;

/// <summary>
/// The audit trace: decisions, newest first, searchable by kind, subject, addressee unit, rule and period, through the
/// same request as <c>GET /api/decisions</c> (which limits department heads to their own unit's decisions).
/// </summary>
[Authorize(Roles = AuditRoles.Names)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public DecisionKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    /// <summary>First day of the period (the city's calendar), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day of the period, inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<DecisionSummaryView> Decisions { get; private set; } = new([], 0);

    public IReadOnlyList<RuleView> Rules { get; private set; } = [];

    public IReadOnlyList<OrgUnitView> Units { get; private set; } = [];

    public IReadOnlyDictionary<string, OrgUnitView> UnitsByCode { get; private set; } = new Dictionary<string, OrgUnitView>();

    /// <summary>Set when the filters were refused (the period ends before it starts).</summary>
    public bool FilterInvalid { get; private set; }

    public int PageCount => Math.Max(1, (Decisions.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Rules = (await sender.Send(new ListRules(), cancellationToken)).Rules;
        var units = await sender.Send(new ListOrgUnits(), cancellationToken);
        // Decisions are addressed to the committee office, departments and districts, never to an enterprise.
        Units = units.Where(u => u.Kind != OrgUnitKind.Enterprise).ToList();
        UnitsByCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);

        try
        {
            Decisions = await sender.Send(
                new ListDecisions(
                    Kind,
                    SubjectId: string.IsNullOrWhiteSpace(Subject) ? null : Subject.Trim(),
                    Unit: string.IsNullOrWhiteSpace(Unit) ? null : Unit,
                    Rule: string.IsNullOrWhiteSpace(Rule) ? null : Rule,
                    From: From is { } from ? CityTime.StartOf(from) : null,
                    To: To is { } to ? CityTime.StartOf(to.AddDays(1)) : null,
                    Skip: (PageNumber - 1) * PageSize,
                    Take: PageSize),
                cancellationToken);
        }
        catch (ValidationException)
        {
            FilterInvalid = true;
        }
    }

    public string UnitName(string code) =>
        UnitsByCode.TryGetValue(code, out var unit) ? UiCultures.Pick(unit.NameZh, unit.NameEn) : code;

    /// <summary>What a person calls the subject; a department by its name rather than its code.</summary>
    public string SubjectName(DecisionSummaryView decision) =>
        decision.SubjectType == SubjectType.Department ? UnitName(decision.SubjectLabel) : decision.SubjectLabel;

    /// <summary>The same filters on another page of results.</summary>
    public string PageUrl(int page) =>
        Url.Page("Index", new { Kind, Subject, Unit, Rule, From = From?.ToString("yyyy-MM-dd"), To = To?.ToString("yyyy-MM-dd"), p = page })!;
}
