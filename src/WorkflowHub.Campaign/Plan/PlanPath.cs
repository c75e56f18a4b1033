using System.Text;
using System.Text.RegularExpressions;

namespace WorkflowHub.Campaign.Plan;

/// <summary>
/// Turns a validation property path such as <c>Areas[5].Targets[1].Deadline</c> into the label a person
/// editing the JSON can find: <c>areas[5] (fire-safety).targets[1] (fire-training-2021)</c>.
/// The last plain segment (the field) is dropped because every message starts with the field's name.
/// </summary>
public static partial class PlanPath
{
    public static string Describe(CampaignPlan plan, string propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return "plan";
        }

        var segments = propertyPath.Split('.');
        var label = new StringBuilder();
        object? current = plan;
        for (var s = 0; s < segments.Length; s++)
        {
            var match = SegmentPattern().Match(segments[s]);
            var name = match.Success ? match.Groups["name"].Value : segments[s];
            var isField = !match.Success || !match.Groups["index"].Success;
            if (isField && s == segments.Length - 1 && s > 0)
            {
                break;
            }

            if (label.Length > 0)
            {
                label.Append('.');
            }

            label.Append(Camel(name));
            if (isField)
            {
                current = current is CampaignPlan root && name == nameof(CampaignPlan.Campaign) ? root.Campaign : null;
                continue;
            }

            var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            current = Element(current, name, index);
            label.Append('[').Append(index).Append(']');
            if (Name(current) is { } itemName)
            {
                label.Append(" (").Append(itemName).Append(')');
            }
        }

        return label.ToString();
    }

    /// <summary>JSON spells properties in camelCase: <c>Targets</c> → <c>targets</c>, also inside a path.</summary>
    public static string Camel(string pascal) =>
        string.Join('.', pascal.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static object? Element(object? parent, string collection, int index)
    {
        System.Collections.IList? items = (parent, collection) switch
        {
            (CampaignPlan p, nameof(CampaignPlan.Phases)) => p.Phases as System.Collections.IList,
            (CampaignPlan p, nameof(CampaignPlan.OrgUnits)) => p.OrgUnits as System.Collections.IList,
            (CampaignPlan p, nameof(CampaignPlan.Areas)) => p.Areas as System.Collections.IList,
            (PlanArea a, nameof(PlanArea.LeadUnits)) => a.LeadUnits as System.Collections.IList,
            (PlanArea a, nameof(PlanArea.CoUnits)) => a.CoUnits as System.Collections.IList,
            (PlanArea a, nameof(PlanArea.Tasks)) => a.Tasks as System.Collections.IList,
            (PlanArea a, nameof(PlanArea.Targets)) => a.Targets as System.Collections.IList,
            _ => null,
        };
        return items is not null && index >= 0 && index < items.Count ? items[index] : null;
    }

    private static string? Name(object? item) => item switch
    {
        PlanPhase phase => phase.Code,
        PlanOrgUnit unit => unit.Code,
        PlanArea area => area.Code,
        PlanTarget target => target.Code,
        PlanAreaTask task => $"task {task.Number}",
        string code => code,
        _ => null,
    };

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)(\[(?<index>\d+)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();
}
