using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Features.Tasks;

/// <summary>
/// The caller's active tasks: assigned to them, or unassigned and offered to them or one of their groups (see
/// <see cref="TaskCandidates"/>). <see cref="Overdue"/> true keeps only tasks past their due date.
/// With <see cref="All"/> the committee office, auditors and administrators see every task.
/// <see cref="AreaCode"/> and <see cref="DistrictCode"/> keep the tasks of hazards in that area or district (tasks are
/// tied to their hazard by the business key, the hazard number).
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record ListTasks(
    string? DefinitionKey,
    string? BusinessKey,
    bool? Overdue,
    TaskSortOrder Sort = TaskSortOrder.Created,
    int Skip = 0,
    int Take = Paging.DefaultTake,
    bool All = false,
    string? AreaCode = null,
    string? DistrictCode = null) : IQuery<Page<TaskSummary>>;

public sealed class ListTasksValidator : AbstractValidator<ListTasks>
{
    public ListTasksValidator()
    {
        RuleFor(q => q.Skip).InclusiveBetween(0, Paging.MaxSkip);
        RuleFor(q => q.Take).InclusiveBetween(1, Paging.MaxTake);
        RuleFor(q => q.Sort).IsInEnum();
    }
}

public sealed class ListTasksHandler(IWorkflowEngine engine, ICurrentUser user, TimeProvider time, CampaignDbContext db) : IQueryHandler<ListTasks, Page<TaskSummary>>
{
    public async ValueTask<Page<TaskSummary>> Handle(ListTasks query, CancellationToken cancellationToken)
    {
        if (query.All && !TaskCandidates.SeesAllWork(user))
        {
            throw new ForbiddenException("Only the committee office, auditors and administrators may list every task.");
        }

        var now = time.GetUtcNow();
        var filter = new TaskQuery
        {
            DefinitionKey = string.IsNullOrWhiteSpace(query.DefinitionKey) ? null : query.DefinitionKey,
            BusinessKey = string.IsNullOrWhiteSpace(query.BusinessKey) ? null : query.BusinessKey,
            DueBefore = query.Overdue == true ? now : null,
            BusinessKeys = await HazardNumbersAsync(query.AreaCode, query.DistrictCode, cancellationToken),
            Sort = query.Sort switch
            {
                TaskSortOrder.Due => TaskSort.DueDate,
                TaskSortOrder.Priority => TaskSort.Priority,
                _ => TaskSort.Created,
            },
        };

        PagedResult<UserTaskRecord> page;
        if (query.All)
        {
            page = await engine.Queries.QueryTasksAsync(filter with { Skip = query.Skip, Take = query.Take }, cancellationToken);
        }
        else
        {
            page = await OwnTasksAsync(filter, query.Skip, query.Take, cancellationToken);
        }

        return new Page<TaskSummary>(page.Items.Select(t => TaskSummary.From(t, now)).ToList(), page.TotalCount);
    }

    /// <summary>The numbers of the hazards in the area and district asked for; null when neither is asked for.</summary>
    private async Task<IReadOnlyCollection<string>?> HazardNumbersAsync(string? areaCode, string? districtCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(areaCode) && string.IsNullOrWhiteSpace(districtCode))
        {
            return null;
        }

        var hazards = db.Hazards.AsNoTracking().Where(h => h.State != HazardState.Closed);
        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            hazards = hazards.Where(h => h.AreaCode == areaCode);
        }

        if (!string.IsNullOrWhiteSpace(districtCode))
        {
            hazards = hazards.Where(h => h.DistrictCode == districtCode);
        }

        return await hazards.Select(h => h.Number).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Tasks assigned to the user, and unassigned tasks offered to them: two disjoint queries, each sorted by the store,
    /// merged in the same order; the page is cut from the merge.
    /// </summary>
    private async Task<PagedResult<UserTaskRecord>> OwnTasksAsync(TaskQuery filter, int skip, int take, CancellationToken cancellationToken)
    {
        var name = TaskCandidates.EngineUserId(user);
        if (name is null)
        {
            return new PagedResult<UserTaskRecord>([], 0);
        }

        var window = skip + take;
        var assigned = await engine.Queries.QueryTasksAsync(filter with { Assignee = name, Take = window }, cancellationToken);
        var offered = await engine.Queries.QueryTasksAsync(
            filter with { Unassigned = true, CandidateUser = name, CandidateGroups = TaskCandidates.GroupsOf(user), Take = window },
            cancellationToken);
        var merged = Merge(assigned.Items, offered.Items, TaskOrder.For(filter.Sort));
        return new PagedResult<UserTaskRecord>(merged.Skip(skip).Take(take).ToList(), assigned.TotalCount + offered.TotalCount);
    }

    private static List<UserTaskRecord> Merge(IReadOnlyList<UserTaskRecord> left, IReadOnlyList<UserTaskRecord> right, TaskOrder order)
    {
        var result = new List<UserTaskRecord>(left.Count + right.Count);
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            var takeLeft = j >= right.Count || (i < left.Count && order.Compare(left[i], right[j]) <= 0);
            result.Add(takeLeft ? left[i++] : right[j++]);
        }

        return result;
    }
}
