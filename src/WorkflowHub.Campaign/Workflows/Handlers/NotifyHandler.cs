using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Notifications;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Workflows.Handlers;

/// <summary>
/// The <c>notify</c> external tasks (interview notices, referrals sent to discipline inspection, filing results, the
/// report to the province): each stores a <see cref="Notification"/> in the addressee unit's inbox
/// (<c>GET /api/notifications</c>). The job id is the notice id, so a job run twice delivers once.
/// </summary>
public sealed partial class NotifyHandler(IServiceScopeFactory scopeFactory, TimeProvider timeProvider, ILogger<NotifyHandler> logger) : IExternalTaskHandler
{
    public const string TopicName = "notify";

    public string Topic => TopicName;

    public async Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken)
    {
        var addressee = NoticeTexts.Addressee(context.Variables);
        var now = timeProvider.GetUtcNow();
        await using (var scope = scopeFactory.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
            if (!await db.Set<Notification>().AnyAsync(n => n.Id == context.JobId, cancellationToken))
            {
                var text = NoticeTexts.For(context.DefinitionKey, context.ElementId, context.BusinessKey, context.Variables);
                db.Add(new Notification
                {
                    Id = context.JobId,
                    AddresseeUnitCode = addressee,
                    TitleZh = text.TitleZh,
                    TitleEn = text.TitleEn,
                    BodyZh = text.BodyZh,
                    BodyEn = text.BodyEn,
                    DefinitionKey = context.DefinitionKey,
                    ElementId = context.ElementId,
                    InstanceId = context.InstanceId,
                    BusinessKey = context.BusinessKey,
                    CreatedAt = now,
                });
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        LogNotice(logger, context.ElementId, context.DefinitionKey, context.BusinessKey, addressee);
        return ExternalTaskResult.Success(new Dictionary<string, object?>
        {
            [$"{context.ElementId}SentAt"] = now.ToString("O"),
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {ElementId} of {DefinitionKey} (business key {BusinessKey}) delivered to {Unit}")]
    private static partial void LogNotice(ILogger logger, string elementId, string definitionKey, string? businessKey, string unit);
}
