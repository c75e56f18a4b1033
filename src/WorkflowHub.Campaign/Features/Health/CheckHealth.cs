using System.Text.Json.Serialization;
using Mediator;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Health;

/// <summary>Is the server up and its database reachable? Open to anyone, for load balancers and monitors.</summary>
[AllowAnonymousRequest]
public sealed record CheckHealth : IQuery<HealthReport>;

public sealed record HealthReport(string Status, bool DatabaseReachable)
{
    public const string Healthy = nameof(Healthy);
    public const string Unhealthy = nameof(Unhealthy);

    [JsonIgnore]
    public bool IsHealthy => Status == Healthy;
}

public sealed class CheckHealthHandler(CampaignDbContext db) : IQueryHandler<CheckHealth, HealthReport>
{
    public async ValueTask<HealthReport> Handle(CheckHealth query, CancellationToken cancellationToken)
    {
        var reachable = await db.Database.CanConnectAsync(cancellationToken);
        return new HealthReport(reachable ? HealthReport.Healthy : HealthReport.Unhealthy, reachable);
    }
}
