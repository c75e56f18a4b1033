using System.Security.Cryptography;
using System.Text;
using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Parsing;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime;
using WorkflowHub.Engine.Runtime.Behaviors;
using WorkflowHub.Engine.Scripting;
using WorkflowHub.Engine.Timers;
using WorkflowHub.Engine.Validation;

namespace WorkflowHub.Engine;

public sealed partial class WorkflowEngine
{
    public (IReadOnlyList<ValidationIssue> Errors, IReadOnlyList<ValidationIssue> Warnings) Validate(string xml)
    {
        var (_, errors, warnings) = Analyze(xml);
        return (errors, warnings);
    }

    private (List<(ProcessModel Model, ScriptCompiler Compiler)> Executable, List<ValidationIssue> Errors, List<ValidationIssue> Warnings) Analyze(string xml)
    {
        BpmnDocument document;
        try
        {
            document = new BpmnParser(_services.Options.ParserOptions).Parse(xml);
        }
        catch (BpmnParseException ex)
        {
            return ([], [new ValidationIssue(null, ex.Message)], []);
        }

        var errors = new List<ValidationIssue>();
        var warnings = new List<ValidationIssue>(document.Warnings);
        var executable = new List<(ProcessModel, ScriptCompiler)>();
        foreach (var process in document.Processes)
        {
            if (!process.IsExecutable)
            {
                continue;
            }

            var compiler = new ScriptCompiler();
            errors.AddRange(BpmnValidator.Validate(process, compiler));
            warnings.AddRange(process.Warnings);
            foreach (var start in process.RootScope.StartEvents.Where(s => s.Event?.Timer is not null))
            {
                if (ExpressionText.ContainsExpression(start.Event!.Timer!.Expression))
                {
                    errors.Add(new ValidationIssue(start.Id, "A timer start event needs a literal ISO 8601 date or cycle, not an expression."));
                }
            }

            executable.Add((process, compiler));
        }

        if (executable.Count == 0)
        {
            errors.AddRange(document.Processes.Count == 0
                ? [new ValidationIssue(null, "The document defines no process.")]
                : document.Processes.Select(p => new ValidationIssue(p.Id, $"The process '{p.Id}' is not executable (isExecutable is not \"true\"); it can be stored as a drawing but not deployed for execution.")));
        }
        else
        {
            warnings.AddRange(document.Processes.Where(p => !p.IsExecutable).Select(p => new ValidationIssue(p.Id, $"The process '{p.Id}' is not executable and was not deployed.")));
        }

        return (executable, errors, warnings);
    }

    public async Task<DeploymentResult> DeployAsync(string xml, string? userId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var (executable, errors, warnings) = Analyze(xml);
        if (errors.Count > 0)
        {
            throw new BpmnValidationException(errors);
        }

        if (executable.Exists(static e => e.Compiler.NeedsSandbox))
        {
            _services.Scripts.WarmUp();
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        var deployed = new List<DeployedDefinition>();
        var created = new List<ProcessDefinition>();
        await using var transaction = await Store.BeginAsync(cancellationToken);
        var now = Now;
        foreach (var (model, compiler) in executable)
        {
            var latest = await transaction.FindLatestDefinitionAsync(model.Id, cancellationToken);
            if (latest is not null && latest.ContentHash == hash)
            {
                deployed.Add(new DeployedDefinition(latest.Id, latest.Key, latest.Version, latest.Name, false));
                continue;
            }

            var version = (latest?.Version ?? 0) + 1;
            var record = new DefinitionRecord
            {
                Id = $"{model.Id}:{version}:{hash[..8]}",
                Key = model.Id,
                Version = version,
                Name = model.Name,
                Xml = xml,
                ContentHash = hash,
                DeployedAt = now,
                DeployedBy = userId,
            };
            transaction.AddDefinition(record);
            var definition = new ProcessDefinition(record.Id, record.Key, record.Version, model, compiler);
            created.Add(definition);
            await ScheduleStartEventsAsync(transaction, definition, now, cancellationToken);
            deployed.Add(new DeployedDefinition(record.Id, record.Key, record.Version, record.Name, true));
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var definition in created)
        {
            _services.Definitions.Add(definition);
        }

        return new DeploymentResult(deployed, warnings);
    }

    /// <summary>The latest version owns the timer and message start events: older versions' ones are removed.</summary>
    private static async Task ScheduleStartEventsAsync(IEngineTransaction transaction, ProcessDefinition definition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var job in await transaction.GetStartJobsAsync(definition.Key, cancellationToken))
        {
            transaction.DeleteJob(job.Id);
        }

        foreach (var subscription in await transaction.GetStartSubscriptionsAsync(definition.Key, cancellationToken))
        {
            transaction.DeleteSubscription(subscription.Id);
        }

        foreach (var start in definition.Model.RootScope.StartEvents)
        {
            if (start.Event?.Timer is { } timer)
            {
                var (due, repeats) = TimerEvaluation.FirstDue(timer.Kind, timer.Expression, now);
                transaction.AddJob(new JobRecord
                {
                    Id = Guid.CreateVersion7(now),
                    Kind = JobKind.Timer,
                    DefinitionId = definition.Id,
                    DefinitionKey = definition.Key,
                    ElementId = start.Id,
                    DueAt = due,
                    Retries = ProcessRunner.RetryCount(start.Async.RetryTimeCycle),
                    Configuration = ProcessRunner.TimerConfiguration(repeats, timer.Expression),
                    CreatedAt = now,
                });
            }
            else if (start.Event is { Kind: EventKind.Message, MessageName: { } messageName })
            {
                transaction.AddSubscription(new EventSubscriptionRecord
                {
                    Id = Guid.CreateVersion7(now),
                    MessageName = messageName,
                    DefinitionId = definition.Id,
                    DefinitionKey = definition.Key,
                    ElementId = start.Id,
                    CreatedAt = now,
                });
            }
        }
    }

    public async Task<string?> GetDefinitionXmlAsync(string definitionId, CancellationToken cancellationToken = default) =>
        (await Store.FindDefinitionAsync(definitionId, cancellationToken))?.Xml;

    public async Task<ProcessModel?> GetProcessModelAsync(string definitionId, CancellationToken cancellationToken = default) =>
        (await _services.Definitions.FindAsync(Store, definitionId, cancellationToken))?.Model;
}
