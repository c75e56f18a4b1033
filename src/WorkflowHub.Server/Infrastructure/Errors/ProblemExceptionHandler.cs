using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Features.Auth;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Server.Infrastructure.Errors;

/// <summary>Turns the pipeline's exceptions into RFC 9457 problem details with the matching status code.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(FieldErrors(validation))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        },
        BadHttpRequestException badRequest => Problem(badRequest.StatusCode, "The request is malformed.", badRequest.Message),
        UnauthenticatedException or InvalidCredentialsException =>
            Problem(StatusCodes.Status401Unauthorized, "Not signed in.", exception.Message),
        ForbiddenException => Problem(StatusCodes.Status403Forbidden, "Forbidden.", exception.Message),
        NotFoundException => Problem(StatusCodes.Status404NotFound, "Not found.", exception.Message),
        ConcurrencyException => Problem(StatusCodes.Status409Conflict, "Changed by someone else.", exception.Message),
        ConflictException => Problem(StatusCodes.Status409Conflict, "Conflicts with the current state.", exception.Message),
        DbUpdateConcurrencyException => Problem(
            StatusCodes.Status409Conflict,
            "Changed by someone else.",
            "The data was changed by someone else since you read it. Reload and try again."),
        _ => WorkflowHub.Campaign.Workflows.EngineProblems.ToProblem(exception),
    };

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    /// <summary>Field names as the JSON body spells them (camelCase), each with all its messages.</summary>
    private static Dictionary<string, string[]> FieldErrors(ValidationException validation) =>
        validation.Errors
            .GroupBy(error => JsonFieldName(error.PropertyName), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(error => error.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);

    private static string JsonFieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
