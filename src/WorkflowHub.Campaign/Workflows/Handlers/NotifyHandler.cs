using Microsoft.Extensions.Logging;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Workflows.Handlers;

/// <summary>
/// The <c>notify</c> external tasks (interview notices, referrals sent to discipline inspection, filing results, the
/// report to the province). The city has no mail or SMS gateway wired in yet, so a notice is delivered to the
/// operations log with everything a clerk needs to send it by hand; the engine's history records that it was sent.
/// </summary>
public sealed partial class NotifyHandler(ILogger<NotifyHandler> logger, TimeProvider timeProvider) : IExternalTaskHandler
{
    public const string TopicName = "notify";

    public string Topic => TopicName;

    public Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken)
    {
        LogNotice(logger, context.ElementId, context.DefinitionKey, context.BusinessKey, context.InstanceId);
        return Task.FromResult(ExternalTaskResult.Success(new Dictionary<string, object?>
        {
            [$"{context.ElementId}SentAt"] = timeProvider.GetUtcNow().ToString("O"),
        }));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {ElementId} of {DefinitionKey} (business key {BusinessKey}, instance {InstanceId}) is ready to send")]
    private static partial void LogNotice(ILogger logger, string elementId, string definitionKey, string? businessKey, Guid instanceId);
}
