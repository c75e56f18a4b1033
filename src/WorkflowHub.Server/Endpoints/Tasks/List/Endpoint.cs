using Mediator;
using WorkflowHub.Campaign.Features.Tasks;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Server.Endpoints.Instances;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Tasks.List;

/// <summary>
/// GET /api/tasks?definitionKey=&amp;businessKey=&amp;overdue=&amp;sort=created|due|priority&amp;skip=&amp;take=&amp;all=&amp;area=&amp;district=:
/// the caller's active tasks, paged {items, total}; <c>all=true</c> (committee office, auditors, admins) lists every task;
/// <c>area</c> and <c>district</c> keep the tasks of hazards there.
/// </summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/tasks", HandleAsync)
            .WithTags("Tasks")
            .WithName("ListTasks")
            .Produces<Page<TaskSummary>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(
        string? definitionKey, string? businessKey, bool? overdue, string? sort, int? skip, int? take, bool? all, string? area, string? district,
        ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new ListTasks(definitionKey, businessKey, overdue, QueryValues.Enum<TaskSortOrder>(sort) ?? TaskSortOrder.Created, skip ?? 0, take ?? Paging.DefaultTake, all ?? false, area, district),
            cancellationToken));
}
