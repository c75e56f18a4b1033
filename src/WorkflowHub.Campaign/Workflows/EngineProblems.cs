using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using WorkflowHub.Engine;
using EngineConcurrencyException = WorkflowHub.Engine.Persistence.ConcurrencyException;
using EngineNotFoundException = WorkflowHub.Engine.NotFoundException;

namespace WorkflowHub.Campaign.Workflows;

/// <summary>
/// The engine's exceptions as RFC 9457 problem details: a refused diagram is 400 with each error and its element id,
/// something missing is 404, a task already completed or a concurrent change is 409, any other refused command is 400.
/// </summary>
public static class EngineProblems
{
    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        BpmnValidationException invalid => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The diagram cannot be deployed.",
            Detail = invalid.Errors.Count == 1 ? invalid.Errors[0].ToString() : $"{invalid.Errors.Count} problems were found in the diagram.",
            Extensions = { ["errors"] = invalid.Errors.Select(e => new { elementId = e.ElementId, message = e.Message }).ToList() },
        },
        EngineNotFoundException => Problem(StatusCodes.Status404NotFound, "Not found.", exception.Message),
        TaskAlreadyCompletedException => Problem(StatusCodes.Status409Conflict, "The task is already completed.", exception.Message),
        EngineConcurrencyException => Problem(
            StatusCodes.Status409Conflict,
            "Changed by someone else.",
            "The workflow instance was changed by someone else at the same time. Reload and try again."),
        InvalidCommandException => Problem(StatusCodes.Status400BadRequest, "The command cannot be applied.", exception.Message),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
