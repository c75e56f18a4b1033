namespace WorkflowHub.Campaign.Notifications;

/// <summary>
/// A notice delivered to an org unit's inbox by a <c>notify</c> task of a workflow (an interview notice, a filing
/// result, a referral sent on). Everything but the read mark is fixed when it is stored.
/// </summary>
public sealed class Notification
{
    /// <summary>The id of the engine job that delivered it, so a job run twice stores the notice once.</summary>
    public Guid Id { get; init; }

    public required string AddresseeUnitCode { get; init; }

    public required string TitleZh { get; init; }

    public required string TitleEn { get; init; }

    public required string BodyZh { get; init; }

    public required string BodyEn { get; init; }

    public required string DefinitionKey { get; init; }

    public required string ElementId { get; init; }

    public Guid InstanceId { get; init; }

    public string? BusinessKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; private set; }

    public string? ReadBy { get; private set; }

    /// <summary>The first reader counts; reading again changes nothing.</summary>
    public void MarkRead(string userName, DateTimeOffset at)
    {
        if (ReadAt is not null)
        {
            return;
        }

        ReadAt = at;
        ReadBy = userName;
    }
}
