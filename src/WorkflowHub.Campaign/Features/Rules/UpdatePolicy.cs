using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Decisions.Policy;
using WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Rules.Catalogue;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Campaign.Features.Rules;

/// <summary>
/// Saves new thresholds (admins). The document is the whole policy (as GET /api/rules/policy returns it); it is
/// refused naming every bad field (a negative number of days, a missing or unknown key, thresholds out of order),
/// and nothing is stored. A valid document becomes the next version and is in force at once; the document's own
/// "version" is ignored, since versions are numbered here. Saving the values already in force stores nothing.
/// </summary>
[RequireRoles(Roles.Admin)]
public sealed record UpdatePolicy(JsonElement Policy, string? Comment) : ICommand<PolicyUpdateView>;

public sealed class UpdatePolicyValidator : AbstractValidator<UpdatePolicy>
{
    public UpdatePolicyValidator()
    {
        RuleFor(c => c.Policy.ValueKind).Equal(JsonValueKind.Object)
            .OverridePropertyName(nameof(UpdatePolicy.Policy))
            .WithMessage("'policy' must be the policy document, a JSON object.");
        RuleFor(c => c.Comment).MaximumLength(FieldLengths.Text);
    }
}

public sealed class UpdatePolicyHandler(PolicyStore policies, ICurrentUser user, TimeProvider time, ILogger<UpdatePolicyHandler> logger)
    : ICommandHandler<UpdatePolicy, PolicyUpdateView>
{
    public async ValueTask<PolicyUpdateView> Handle(UpdatePolicy command, CancellationToken cancellationToken)
    {
        var (current, currentRecord) = await policies.GetCurrentAsync(cancellationToken);

        // The store numbers versions: whatever the document says, it would be the next one.
        var document = JsonNode.Parse(command.Policy.GetRawText())!.AsObject();
        document["version"] = currentRecord.Number + 1;
        if (!RulePolicy.TryParse(document.ToJsonString(), out var policy, out var errors))
        {
            throw new ValidationException(errors.Select(e => new ValidationFailure($"policy.{e.Field}", e.Message)));
        }

        var changed = RuleCatalogue.PolicyKeys.Where(k => policy![k.Path] != current[k.Path]).Select(k => k.Path).ToList();
        if (changed.Count == 0)
        {
            return new PolicyUpdateView(PolicyVersionView.From(currentRecord), Created: false, changed);
        }

        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        var record = await policies.AddAsync(policy!, user.UserName ?? user.UserId ?? "unknown", comment, time.GetUtcNow(), cancellationToken);
        logger.LogInformation(
            "Rule policy version {Number} saved by {User} (was {Previous}); changed: {Changes}; comment: {Comment}",
            record.Number,
            record.CreatedBy,
            currentRecord.Number,
            string.Join(", ", changed.Select(k => $"{k} {current[k]} → {policy![k]}")),
            comment);
        return new PolicyUpdateView(PolicyVersionView.From(record), Created: true, changed);
    }
}
