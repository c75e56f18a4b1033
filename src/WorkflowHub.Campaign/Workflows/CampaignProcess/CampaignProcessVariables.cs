using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Workflows.CampaignProcess;

/// <summary>
/// The variables the <c>campaign</c> process starts with, computed from the plan on a <see cref="CampaignCalendar"/>:
/// who files a plan, who compiles the two lists, which targets report in which quarter, who writes annual summaries,
/// and every date the process waits for.
/// </summary>
public static class CampaignProcessVariables
{
    /// <summary>Plans are filed by the end of the campaign's first month (均于6月底前抄报市安委会办公室备案).</summary>
    public static DateOnly FilingDeadline(CampaignPlan plan) =>
        new DateOnly(plan.Campaign.Start.Year, plan.Campaign.Start.Month, 1).AddMonths(1).AddDays(-1);

    /// <summary>The final report is due a month after the campaign's term ends.</summary>
    public static DateOnly FinalReportDue(CampaignPlan plan) => plan.Campaign.End.AddMonths(1);

    public static string PlanCode(CampaignPlan plan) => PlanCode(plan.Campaign.Code);

    /// <summary>The business key of the campaign instance for a plan whose <c>campaign.code</c> is <paramref name="code"/>.</summary>
    public static string PlanCode(string? code) => string.IsNullOrWhiteSpace(code) ? CampaignWorkflow.DefaultPlanCode : code;

    public static Dictionary<string, object?> Build(CampaignPlan plan, CampaignCalendar calendar)
    {
        var phases = plan.Phases.OrderBy(p => p.Order).ToList();
        if (phases.Count != 4)
        {
            throw new InvalidOperationException($"The campaign process runs four phases; the plan has {phases.Count}.");
        }

        var districts = plan.OrgUnits.Where(u => u.Kind == OrgUnitKind.District).Select(u => u.Code).ToList();
        var leads = plan.Areas.OrderBy(a => a.Number)
            .SelectMany(a => a.LeadUnits.Select(unit => (Area: a.Code, Unit: unit)))
            .ToList();
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [CampaignWorkflow.Variables.PlanCode] = PlanCode(plan),
            [CampaignWorkflow.Variables.TimeScale] = calendar.TimeScale,
            [CampaignWorkflow.Variables.CalendarAnchor] = CampaignCalendar.Iso(calendar.Anchor),
            [CampaignWorkflow.Variables.ReminderCycle] = calendar.Cycle(TimeSpan.FromDays(1)),
            [CampaignWorkflow.Variables.FilingDeadline] = CampaignCalendar.Iso(calendar.EndOf(FilingDeadline(plan))),
            [CampaignWorkflow.Variables.Filings] = Filings(plan, districts),
            [CampaignWorkflow.Variables.AreaUnits] = leads
                .Select(l => new Dictionary<string, object?> { ["areaCode"] = l.Area, ["unitCode"] = l.Unit })
                .ToList(),
            [CampaignWorkflow.Variables.DueTwoLists] = CampaignCalendar.Iso(calendar.EndOf(phases[1].End)),
            [CampaignWorkflow.Variables.SummaryUnits] = leads.Select(l => l.Unit).Distinct(StringComparer.Ordinal).Concat(districts).ToList(),
            [CampaignWorkflow.Variables.CampaignEnd] = CampaignCalendar.Iso(calendar.EndOf(plan.Campaign.End)),
            [CampaignWorkflow.Variables.FinalReportDue] = CampaignCalendar.Iso(calendar.EndOf(FinalReportDue(plan))),
        };
        for (var order = 2; order <= 4; order++)
        {
            var phase = phases[order - 1];
            variables[CampaignWorkflow.Variables.PhaseStart(order)] = CampaignCalendar.Iso(calendar.StartOf(phase.Start));
            variables[CampaignWorkflow.Variables.PhaseQuarters(order)] = Quarters(plan, phase, calendar);
        }

        return variables;
    }

    /// <summary>Every area files its plan through its (first) lead department, every district its own: business key = area or district code.</summary>
    private static List<Dictionary<string, object?>> Filings(CampaignPlan plan, IReadOnlyList<string> districts)
    {
        var filings = plan.Areas.OrderBy(a => a.Number)
            .Where(a => a.LeadUnits.Count > 0)
            .Select(a => Filing(a.Code, a.LeadUnits[0], a.Code, HeadGroup(a.LeadUnits[0], Roles.DepartmentHead)))
            .ToList();
        filings.AddRange(districts.Select(d => Filing(d, d, null, HeadGroup(d, Roles.LocalGovernment))));
        return filings;
    }

    private static Dictionary<string, object?> Filing(string key, string unit, string? area, string headGroup) => new(StringComparer.Ordinal)
    {
        ["key"] = key,
        ["unitCode"] = unit,
        ["areaCode"] = area,
        ["headGroup"] = headGroup,
    };

    /// <summary>
    /// One round per quarter ending within the phase; a round asks every target whose deadline has not passed before
    /// the quarter began. Rounds without a target are left out.
    /// </summary>
    private static List<Dictionary<string, object?>> Quarters(CampaignPlan plan, PlanPhase phase, CampaignCalendar calendar)
    {
        var rounds = new List<Dictionary<string, object?>>();
        var quarterStart = new DateOnly(phase.Start.Year, ((phase.Start.Month - 1) / 3 * 3) + 1, 1);
        for (; quarterStart <= phase.End; quarterStart = quarterStart.AddMonths(3))
        {
            var quarterEnd = quarterStart.AddMonths(3).AddDays(-1);
            if (quarterEnd < phase.Start || quarterEnd > phase.End)
            {
                continue;
            }

            var targets = plan.Areas.OrderBy(a => a.Number)
                .SelectMany(a => a.Targets)
                .Where(t => t.Deadline >= quarterStart)
                .Select(t => new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["code"] = t.Code,
                    ["responsibleUnit"] = t.ResponsibleUnit,
                    ["headGroup"] = HeadGroup(t.ResponsibleUnit, Roles.DepartmentHead),
                })
                .ToList();
            if (targets.Count > 0)
            {
                rounds.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["due"] = CampaignCalendar.Iso(calendar.EndOf(quarterEnd)),
                    ["targets"] = targets,
                });
            }
        }

        return rounds;
    }

    private static string HeadGroup(string unitCode, string role) => $"{unitCode}:{role}";
}
