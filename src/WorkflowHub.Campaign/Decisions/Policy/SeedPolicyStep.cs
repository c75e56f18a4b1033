using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Campaign.Decisions.Policy;

/// <summary>On first start, stores the thresholds shipped with the rules (rules/policy.json) as policy version 1.</summary>
public sealed class SeedPolicyStep(CampaignDbContext db, PolicyStore store, TimeProvider time, ILogger<SeedPolicyStep> logger) : IStartupStep
{
    public const string SeededBy = "system";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<PolicyVersionRecord>().AnyAsync(cancellationToken))
        {
            return;
        }

        var record = await store.AddAsync(RulePolicy.LoadDefault(), SeededBy, "rules/policy.json as shipped", time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Rule policy version {Number} seeded (sha256 {Hash})", record.Number, record.ContentHash);
    }
}
