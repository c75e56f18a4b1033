using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// Appends entries to the audit chain. The entry is written by the database's <see cref="AuditChainWriter"/>, which
/// links the entries of concurrent callers in one transaction (group commit) and returns only once the entry is
/// committed, so a command whose response the caller sees is always in the chain.
/// </summary>
/// <param name="engineStore">The engine's store on the same database, when the application has one (see <see cref="AuditChainWriter"/>).</param>
public sealed class AuditTrail(DbContextOptions<CampaignDbContext> options, TimeProvider timeProvider, ILogger<AuditTrail> logger, EfEngineStore? engineStore = null)
{
    /// <summary>Appends what <paramref name="user"/> did; <paramref name="payload"/> is the compact JSON of <see cref="AuditPayload.For"/>.</summary>
    public Task<AuditEntry> AppendAsync(ICurrentUser user, string action, string payload, AuditOutcome outcome, string? error, CancellationToken cancellationToken) =>
        AppendAsync(user.UserId, NameOf(user), user.OrgUnitCode, action, payload, outcome, error, cancellationToken);

    /// <remarks>
    /// Once queued the entry is written even if <paramref name="cancellationToken"/> fires: it may share its transaction
    /// with other callers' entries, and what was done must be recorded.
    /// </remarks>
    public Task<AuditEntry> AppendAsync(
        string? userId, string? userName, string? orgUnitCode, string action, string payload, AuditOutcome outcome, string? error, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entry = NewEntry(userId, userName, orgUnitCode, action, payload, outcome, error);
        return AuditChainWriter.For(options).AppendAsync(entry, options, engineStore, logger);
    }

    /// <summary>
    /// Offers the entry of a command that succeeds to the engine command it is about to run: the entry is then written in
    /// that command's savepoint of the engine's group commit, so the command's changes and its record commit together
    /// (<see cref="SqliteCommitEnlistment"/>; its time is the commit's). Null when entries cannot join engine commits
    /// here; when <see cref="SqliteCommitEnlistment.Withdraw"/> answers false, append the entry afterwards.
    /// </summary>
    internal SqliteCommitEnlistment? OfferSuccess(ICurrentUser user, string action, string payload)
    {
        var writer = AuditChainWriter.For(options);
        if (!writer.JoinsEngineCommits(engineStore))
        {
            return null;
        }

        var entry = NewEntry(user.UserId, NameOf(user), user.OrgUnitCode, action, payload, AuditOutcome.Succeeded, error: null);
        return writer.OfferToEngineCommit(statements =>
        {
            entry.OccurredAt = Milliseconds(timeProvider.GetUtcNow());
            SqliteAuditAppend.Append(statements, entry);
        });
    }

    private static string? NameOf(ICurrentUser user) => user.IsAuthenticated || user.IsSystem ? user.UserName : null;

    // Milliseconds: what SQLite and PostgreSQL both keep exactly, so the hash survives a round trip.
    private static DateTimeOffset Milliseconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    private AuditEntry NewEntry(string? userId, string? userName, string? orgUnitCode, string action, string payload, AuditOutcome outcome, string? error)
    {
        var now = timeProvider.GetUtcNow();
        return new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = Milliseconds(now),
            UserId = userId,
            UserName = userName,
            OrgUnitCode = orgUnitCode,
            Action = action,
            Payload = payload,
            Outcome = outcome,
            Error = error,
        };
    }
}
