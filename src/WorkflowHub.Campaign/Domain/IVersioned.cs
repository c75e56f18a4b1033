namespace WorkflowHub.Campaign.Domain;

/// <summary>
/// An entity that users edit. Its <see cref="Version"/> is an optimistic concurrency token that
/// <see cref="Infrastructure.Persistence.CampaignDbContext"/> increments on every save
/// (SQLite never fills a <c>[Timestamp]</c> column, so the token is maintained by the application).
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
