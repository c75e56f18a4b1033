using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Campaign.Workflows.Forms;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Features.Tasks;

/// <summary>
/// Completes a task with the submitted variables. When the task has a deployed form, the variables are checked against
/// the form's rules first; an invalid field is a 400 naming it (<c>variables.field</c>) and nothing changes.
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record CompleteTask(Guid Id, JsonElement? Variables) : ICommand<CompleteTaskResult>;

/// <summary>The completed task and where its instance is now.</summary>
public sealed record CompleteTaskResult(Guid Id, UserTaskState State, Guid InstanceId, InstanceState InstanceState, IReadOnlyList<string> ActiveElementIds);

public sealed class CompleteTaskValidator : AbstractValidator<CompleteTask>
{
    public CompleteTaskValidator() => RuleFor(c => c.Variables).MustBeVariables();
}

public sealed class CompleteTaskHandler(IWorkflowEngine engine, ICurrentUser user, FormStore forms) : ICommandHandler<CompleteTask, CompleteTaskResult>
{
    public async ValueTask<CompleteTaskResult> Handle(CompleteTask command, CancellationToken cancellationToken)
    {
        var task = await TaskGuard.LoadForWorkAsync(engine, user, command.Id, cancellationToken);
        var variables = JsonVariables.ToVariables(command.Variables);
        await ValidateAgainstFormAsync(task, variables, cancellationToken);

        // A concurrent completion makes the engine throw TaskAlreadyCompleted or Concurrency: 409, nothing applied.
        InstanceView instance;
        try
        {
            instance = await engine.CompleteTaskAsync(task.Id, variables, TaskCandidates.EngineUserId(user), cancellationToken);
        }
        catch (InvalidCommandException)
        {
            // The other completion ended the instance in between, so the engine found it no longer active.
            if (await engine.Queries.FindTaskAsync(task.Id, cancellationToken) is { State: not UserTaskState.Active })
            {
                throw new TaskAlreadyCompletedException("The task was completed by someone else at the same time.");
            }

            throw;
        }

        return new CompleteTaskResult(task.Id, UserTaskState.Completed, task.InstanceId, instance.State, instance.ActiveElementIds);
    }

    private async Task ValidateAgainstFormAsync(UserTaskRecord task, Dictionary<string, object?> variables, CancellationToken cancellationToken)
    {
        if (FormKeys.FormFileName(task.FormKey) is not { } fileName)
        {
            return;
        }

        var form = await forms.LoadAsync(fileName, cancellationToken)
            ?? throw new InvalidOperationException($"The task '{task.ElementId}' names the form '{fileName}', which is not in the forms folder.");
        var errors = FormDataValidator.Validate(form, variables);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Select(e => new ValidationFailure($"{nameof(CompleteTask.Variables)}.{e.Field}", e.Message)));
        }
    }
}
