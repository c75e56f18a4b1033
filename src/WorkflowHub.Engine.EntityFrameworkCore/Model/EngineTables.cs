namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

/// <summary>The engine's table names. Prefixed so the engine can share one database file with the application's tables.</summary>
public static class EngineTables
{
    public const string Definitions = "engine_definitions";
    public const string Instances = "engine_instances";
    public const string Tasks = "engine_tasks";
    public const string TaskCandidates = "engine_task_candidates";

    /// <summary>The candidates of active, unassigned tasks only (the open inboxes); see <see cref="TaskOffer"/>.</summary>
    public const string TaskOffers = "engine_task_offers";

    public const string Jobs = "engine_jobs";
    public const string Subscriptions = "engine_subscriptions";
    public const string Incidents = "engine_incidents";
    public const string History = "engine_history";

    /// <summary>The engine's own migrations history, apart from the application's <c>__EFMigrationsHistory</c>.</summary>
    public const string MigrationsHistory = "__EngineMigrationsHistory";
}
