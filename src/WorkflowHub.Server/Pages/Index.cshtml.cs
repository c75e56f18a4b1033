using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHub.Campaign.Features.CampaignOverview;
using WorkflowHub.Campaign.Features.Overview;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Server.Pages;

/// <summary>The dashboard: the campaign's phases with the current one marked, and the hazard and target figures the user may see.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public CampaignView? Campaign { get; private set; }

    public CampaignOverview? Overview { get; private set; }

    /// <summary>The month-by-month series: rectification rate and decisions by kind.</summary>
    public CampaignTrends? Trends { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Campaign = await sender.Send(new GetCampaign(), cancellationToken);
        }
        catch (NotFoundException)
        {
            // No plan imported yet: the page says so instead of failing.
            return;
        }

        Overview = await sender.Send(new GetCampaignOverview(), cancellationToken);
        Trends = await sender.Send(new GetCampaignTrends(), cancellationToken);
    }

    /// <summary>Where a phase stands on <paramref name="today"/>: done, under way or upcoming.</summary>
    public static string PhaseStateKey(PhaseView phase, DateOnly today) =>
        phase.End < today ? "Dashboard.PhaseDone" : phase.Start <= today ? "Dashboard.PhaseOngoing" : "Dashboard.PhaseUpcoming";
}
