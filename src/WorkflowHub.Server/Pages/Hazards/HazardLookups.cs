using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Features.CampaignOverview;
using WorkflowHub.Campaign.Features.OrgUnits;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Server.Infrastructure.Web;

namespace WorkflowHub.Server.Pages.Hazards;

/// <summary>One choice of a select: its code, its name in the page's language and its Chinese name (what spreadsheets use).</summary>
public sealed record LookupOption(string Code, string Name, string NameZh);

/// <summary>
/// The names the hazard pages show instead of codes, and the choices of their selects: the plan's areas, the districts
/// and the departments that can be responsible for a hazard.
/// </summary>
public sealed class HazardLookups
{
    private readonly Dictionary<string, string> _names;

    private HazardLookups(IReadOnlyList<LookupOption> areas, IReadOnlyList<LookupOption> districts, IReadOnlyList<LookupOption> departments, Dictionary<string, string> names)
    {
        Areas = areas;
        Districts = districts;
        Departments = departments;
        _names = names;
    }

    public static HazardLookups Empty { get; } = new([], [], [], new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The roles that may report and import hazards (the same as <c>ReportHazard</c> and <c>ImportHazards</c> require).</summary>
    public const string ReportingRoles =
        Roles.Admin + "," + Roles.CommitteeOffice + "," + Roles.DepartmentOfficer + "," + Roles.DepartmentHead + "," + Roles.LocalGovernment + "," + Roles.Enterprise;

    public IReadOnlyList<LookupOption> Areas { get; }

    public IReadOnlyList<LookupOption> Districts { get; }

    public IReadOnlyList<LookupOption> Departments { get; }

    public static async Task<HazardLookups> LoadAsync(ISender sender, CancellationToken cancellationToken)
    {
        IReadOnlyList<AreaView> planAreas;
        try
        {
            planAreas = (await sender.Send(new GetCampaign(), cancellationToken)).Areas;
        }
        catch (NotFoundException)
        {
            // No plan imported yet: no areas to choose from.
            planAreas = [];
        }

        var units = await sender.Send(new ListOrgUnits(), cancellationToken);
        var areas = planAreas.OrderBy(a => a.Number).Select(a => new LookupOption(a.Code, UiCultures.Pick(a.NameZh, a.NameEn), a.NameZh)).ToList();
        var districts = Options(units, OrgUnitKind.District);
        var departments = Options(units, OrgUnitKind.CommitteeOffice).Concat(Options(units, OrgUnitKind.Department)).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            names[unit.Code] = UiCultures.Pick(unit.NameZh, unit.NameEn);
        }

        foreach (var area in areas)
        {
            names[area.Code] = area.Name;
        }

        return new HazardLookups(areas, districts, departments, names);
    }

    /// <summary>The name of an area or org unit, or the code itself when it is unknown.</summary>
    public string Name(string? code) => code is null ? string.Empty : _names.GetValueOrDefault(code, code);

    private static List<LookupOption> Options(IReadOnlyList<OrgUnitView> units, OrgUnitKind kind) =>
        units.Where(u => u.Kind == kind).Select(u => new LookupOption(u.Code, UiCultures.Pick(u.NameZh, u.NameEn), u.NameZh)).ToList();
}
