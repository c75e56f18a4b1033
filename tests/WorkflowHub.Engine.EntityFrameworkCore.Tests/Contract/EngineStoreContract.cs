using System.Text;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using static WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.Records;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Contract;

/// <summary>
/// The persistence contract as tests. Every store runs the same suite (see the derived classes), so the EF store is held
/// to the in-memory reference store's behaviour.
/// </summary>
public abstract class EngineStoreContract : IAsyncLifetime
{
    protected IEngineStore Store { get; private set; } = null!;

    /// <summary>A second handle on the same data, as another process would have (the in-memory store returns itself).</summary>
    protected abstract Task<IEngineStore> CreateStoreAsync();

    protected abstract Task<IEngineStore> OpenSecondHandleAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private async Task CommitAsync(Action<IEngineTransaction> write)
    {
        await using var tx = await Store.BeginAsync();
        write(tx);
        await tx.CommitAsync();
    }

    // ---- definitions -------------------------------------------------------------------------------------------

    [StoreFact]
    public async Task Definition_with_an_existing_key_and_version_fails_with_ConcurrencyException_and_is_not_stored()
    {
        await CommitAsync(tx => tx.AddDefinition(Definition("plan", 1, "<a/>")));

        await using var clash = await Store.BeginAsync();
        clash.AddDefinition(Definition("plan", 1, "<b/>"));
        var instance = Instance();
        clash.AddInstance(instance);
        await Assert.ThrowsAsync<ConcurrencyException>(() => clash.CommitAsync());

        var all = await Store.ListDefinitionsAsync();
        Assert.Equal("<a/>", Assert.Single(all).Xml);
        Assert.Null(await Store.FindInstanceAsync(instance.Id));
    }

    [StoreFact]
    public async Task Definition_xml_round_trips_character_for_character()
    {
        // Chinese text, CRLF line ends, no BOM, tabs, trailing whitespace and a final newline.
        const string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<definitions id=\"隐患整改\">\r\n\t<process id=\"p\" name=\"重大隐患挂牌督办\">  \r\n\t\t<documentation>一患一档，销号闭环；&amp; “引号”</documentation>\r\n\t</process>\r\n</definitions>\r\n";
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(xml);
        Assert.NotEqual(0xEF, bytes[0]);
        var definition = Definition("hazard", 1, Encoding.UTF8.GetString(bytes));
        await CommitAsync(tx => tx.AddDefinition(definition));

        var found = await Store.FindDefinitionAsync(definition.Id);
        Assert.NotNull(found);
        Assert.Equal(xml, found.Xml, StringComparer.Ordinal);
        Assert.Equal(bytes, new UTF8Encoding(false).GetBytes(found.Xml));
        Assert.Equal(definition.ContentHash, found.ContentHash);
        Assert.Equal(definition.DeployedAt, found.DeployedAt);
        Assert.Equal("admin", found.DeployedBy);
    }

    [StoreFact]
    public async Task Definitions_are_listed_by_key_then_version_and_found_by_latest_and_by_version()
    {
        await CommitAsync(tx =>
        {
            tx.AddDefinition(Definition("b", 2, "<b2/>"));
            tx.AddDefinition(Definition("a", 1, "<a1/>"));
            tx.AddDefinition(Definition("b", 1, "<b1/>"));
        });
        await CommitAsync(tx => tx.AddDefinition(Definition("b", 3, "<b3/>")));

        var all = await Store.ListDefinitionsAsync();
        Assert.Equal(["a:1", "b:1", "b:2", "b:3"], all.Select(d => $"{d.Key}:{d.Version}"));
        Assert.Equal(3, (await Store.FindLatestDefinitionAsync("b"))!.Version);
        Assert.Equal("<b2/>", (await Store.FindDefinitionByVersionAsync("b", 2))!.Xml);
        Assert.Null(await Store.FindLatestDefinitionAsync("missing"));
        Assert.Null(await Store.FindDefinitionByVersionAsync("b", 9));

        await using var tx = await Store.BeginAsync();
        Assert.Equal(3, (await tx.FindLatestDefinitionAsync("b"))!.Version);
        Assert.Equal("<a1/>", (await tx.FindDefinitionByVersionAsync("a", 1))!.Xml);
        Assert.Equal("<b1/>", (await tx.FindDefinitionAsync(all[1].Id))!.Xml);
    }

    // ---- instances ---------------------------------------------------------------------------------------------

    [StoreFact]
    public async Task Second_of_two_concurrent_instance_updates_throws_and_applies_nothing()
    {
        var instance = Instance();
        var task = UserTask(instance);
        await CommitAsync(tx =>
        {
            tx.AddInstance(instance);
            tx.AddTask(task);
        });

        await using var first = await Store.BeginAsync();
        await using var second = await Store.BeginAsync();
        var a = (await first.FindInstanceAsync(instance.Id))!;
        var b = (await second.FindInstanceAsync(instance.Id))!;

        a.Version = 2;
        a.Document = "{\"by\":\"first\"}";
        first.UpdateInstance(a, expectedVersion: 1);
        first.AppendHistory(History(instance, 1));
        await first.CommitAsync();

        b.Version = 2;
        b.Document = "{\"by\":\"second\"}";
        b.State = InstanceState.Completed;
        second.UpdateInstance(b, expectedVersion: 1);
        var completed = (await second.FindTaskAsync(task.Id))!;
        completed.State = UserTaskState.Completed;
        second.UpdateTask(completed);
        var extraTask = UserTask(instance, "extra");
        second.AddTask(extraTask);
        var job = Job(T0, instanceId: instance.Id);
        second.AddJob(job);
        var subscription = Subscription("m", instance);
        second.AddSubscription(subscription);
        second.AddIncident(Incident(instance, T0));
        second.AppendHistory(History(instance, 2));
        await Assert.ThrowsAsync<ConcurrencyException>(() => second.CommitAsync());

        var stored = (await Store.FindInstanceAsync(instance.Id))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal("{\"by\":\"first\"}", stored.Document);
        Assert.Equal(InstanceState.Active, stored.State);
        Assert.Equal(UserTaskState.Active, (await Store.FindTaskAsync(task.Id))!.State);
        Assert.Null(await Store.FindTaskAsync(extraTask.Id));
        Assert.Empty(await Store.GetJobsByInstanceAsync(instance.Id));
        Assert.Empty(await Store.GetSubscriptionsByInstanceAsync(instance.Id));
        Assert.Equal(0, (await Store.QueryIncidentsAsync(new IncidentQuery { InstanceId = instance.Id })).TotalCount);
        Assert.Equal([1L], (await Store.GetHistoryAsync(instance.Id)).Select(h => h.Sequence));
    }

    [StoreFact]
    public async Task Update_of_an_instance_that_does_not_exist_or_with_a_stale_version_throws()
    {
        var ghost = Instance();
        await using (var tx = await Store.BeginAsync())
        {
            tx.UpdateInstance(ghost, expectedVersion: 1);
            await Assert.ThrowsAsync<ConcurrencyException>(() => tx.CommitAsync());
        }

        var instance = Instance();
        await CommitAsync(tx => tx.AddInstance(instance));
        await using var stale = await Store.BeginAsync();
        instance.Version = 6;
        stale.UpdateInstance(instance, expectedVersion: 5);
        await Assert.ThrowsAsync<ConcurrencyException>(() => stale.CommitAsync());
        Assert.Equal(1, (await Store.FindInstanceAsync(instance.Id))!.Version);
    }

    [StoreFact]
    public async Task Adding_an_instance_twice_throws_ConcurrencyException()
    {
        var instance = Instance();
        await CommitAsync(tx => tx.AddInstance(instance));
        await using var again = await Store.BeginAsync();
        again.AddInstance(instance);
        await Assert.ThrowsAsync<ConcurrencyException>(() => again.CommitAsync());
    }

    [StoreFact]
    public async Task Instance_added_and_updated_in_one_transaction_is_stored_as_last_written()
    {
        var instance = Instance();
        await using (var tx = await Store.BeginAsync())
        {
            tx.AddInstance(instance);
            instance.Version = 2;
            instance.Document = "{\"step\":2}";
            tx.UpdateInstance(instance, expectedVersion: 1);
            await tx.CommitAsync();
        }

        var stored = (await Store.FindInstanceAsync(instance.Id))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal("{\"step\":2}", stored.Document);
    }

    [StoreFact]
    public async Task Records_are_copied_in_and_out()
    {
        var instance = Instance(businessKey: "HZ-1");
        await using (var tx = await Store.BeginAsync())
        {
            tx.AddInstance(instance);
            instance.Document = "changed after add";
            await tx.CommitAsync();
        }

        var read = (await Store.FindInstanceAsync(instance.Id))!;
        Assert.Equal("{\"executions\":[]}", read.Document);
        read.Document = "changed after read";
        Assert.Equal("{\"executions\":[]}", (await Store.FindInstanceAsync(instance.Id))!.Document);

        var task = UserTask(instance);
        task.CandidateGroups = ["安委办"];
        await CommitAsync(tx => tx.AddTask(task));
        var readTask = (await Store.FindTaskAsync(task.Id))!;
        readTask.CandidateGroups[0] = "tampered";
        Assert.Equal(["安委办"], (await Store.FindTaskAsync(task.Id))!.CandidateGroups);
    }

    [StoreFact]
    public async Task Writes_are_invisible_until_commit_and_discarded_on_dispose_without_commit()
    {
        var instance = Instance();
        var task = UserTask(instance);
        await using (var tx = await Store.BeginAsync())
        {
            tx.AddInstance(instance);
            tx.AddTask(task);
            tx.AddJob(Job(T0, instanceId: instance.Id));
            tx.AppendHistory(History(instance, 1));
            Assert.Null(await tx.FindInstanceAsync(instance.Id));
            Assert.Null(await Store.FindInstanceAsync(instance.Id));
        }

        Assert.Null(await Store.FindInstanceAsync(instance.Id));
        Assert.Null(await Store.FindTaskAsync(task.Id));
        Assert.Empty(await Store.GetJobsByInstanceAsync(instance.Id));
        Assert.Empty(await Store.GetHistoryAsync(instance.Id));
        Assert.Null(await Store.GetNextJobDueAtAsync());
    }

    [StoreFact]
    public async Task Committing_twice_is_refused()
    {
        await using var tx = await Store.BeginAsync();
        tx.AddInstance(Instance());
        await tx.CommitAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => tx.CommitAsync());
    }

    [StoreFact]
    public async Task Instances_are_queried_by_filters_newest_first_with_paging()
    {
        var parent = Instance("campaign", startedAt: T0);
        var children = Enumerable.Range(1, 5).Select(i =>
        {
            var child = Instance("hazard", businessKey: i % 2 == 0 ? "even" : "odd", startedAt: T0.AddMinutes(i));
            child.ParentInstanceId = parent.Id;
            return child;
        }).ToList();
        children[4].State = InstanceState.Completed;
        await CommitAsync(tx =>
        {
            tx.AddInstance(parent);
            children.ForEach(tx.AddInstance);
        });

        var page = await Store.QueryInstancesAsync(new InstanceQuery { DefinitionKey = "hazard", Skip = 1, Take = 2 });
        Assert.Equal(5, page.TotalCount);
        Assert.Equal([children[3].Id, children[2].Id], page.Items.Select(i => i.Id));
        Assert.Equal(2, (await Store.QueryInstancesAsync(new InstanceQuery { BusinessKey = "even" })).TotalCount);
        Assert.Equal(children[4].Id, Assert.Single((await Store.QueryInstancesAsync(new InstanceQuery { State = InstanceState.Completed })).Items).Id);
        Assert.Equal(5, (await Store.QueryInstancesAsync(new InstanceQuery { ParentInstanceId = parent.Id })).TotalCount);
        Assert.Equal(parent.Id, Assert.Single((await Store.QueryInstancesAsync(new InstanceQuery { DefinitionId = "campaign:1" })).Items).Id);
        Assert.Equal(6, (await Store.QueryInstancesAsync(new InstanceQuery())).TotalCount);
    }

    // ---- tasks -------------------------------------------------------------------------------------------------

    [StoreFact]
    public async Task Tasks_are_visible_to_their_assignee_candidate_users_and_candidate_groups()
    {
        var instance = Instance(businessKey: "HZ-7");
        var assigned = UserTask(instance, "assigned", T0.AddMinutes(1));
        assigned.Assignee = "li";
        var toUser = UserTask(instance, "toUser", T0.AddMinutes(2));
        toUser.CandidateUsers = ["wang", "zhao"];
        var toGroup = UserTask(instance, "toGroup", T0.AddMinutes(3));
        toGroup.CandidateGroups = ["应急管理局", "消防支队"];
        var toOther = UserTask(instance, "toOther", T0.AddMinutes(4));
        toOther.CandidateGroups = ["住建局"];
        toOther.CandidateUsers = ["qian"];
        var done = UserTask(instance, "done", T0.AddMinutes(5));
        done.CandidateUsers = ["wang"];
        done.State = UserTaskState.Completed;
        await CommitAsync(tx =>
        {
            tx.AddInstance(instance);
            foreach (var t in new[] { assigned, toUser, toGroup, toOther, done })
            {
                tx.AddTask(t);
            }
        });

        async Task<string[]> Visible(TaskQuery q) => (await Store.QueryTasksAsync(q)).Items.Select(t => t.ElementId).ToArray();

        Assert.Equal(["assigned"], await Visible(new TaskQuery { Assignee = "li" }));
        Assert.Equal(["toUser"], await Visible(new TaskQuery { CandidateUser = "wang" }));
        Assert.Equal(["toGroup"], await Visible(new TaskQuery { CandidateGroups = ["消防支队"] }));
        Assert.Equal(["toUser", "toGroup"], await Visible(new TaskQuery { CandidateUser = "zhao", CandidateGroups = ["应急管理局", "无关"] }));
        Assert.Equal(["toUser", "toGroup", "toOther"], await Visible(new TaskQuery { CandidateUser = "wang", CandidateGroups = ["应急管理局", "住建局"] }));
        Assert.Empty(await Visible(new TaskQuery { CandidateGroups = [] }));
        Assert.Empty(await Visible(new TaskQuery { CandidateUser = "nobody" }));
        Assert.Equal(["toUser", "done"], await Visible(new TaskQuery { CandidateUser = "wang", State = null }));
        Assert.Equal(["done"], await Visible(new TaskQuery { State = UserTaskState.Completed }));
        Assert.Equal(["toUser", "toGroup", "toOther"], await Visible(new TaskQuery { Unassigned = true }));
        Assert.Equal(["assigned"], await Visible(new TaskQuery { Unassigned = false }));
        Assert.Equal(4, (await Store.QueryTasksAsync(new TaskQuery { BusinessKey = "HZ-7" })).TotalCount);
        Assert.Equal(4, (await Store.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id, DefinitionKey = "hazard" })).TotalCount);
        Assert.Equal(["toGroup"], await Visible(new TaskQuery { ElementId = "toGroup" }));
    }

    [StoreFact]
    public async Task Active_task_positions_name_the_process_instance_and_element_of_every_active_task_and_nothing_else()
    {
        var hazard = Instance("hazard");
        var plan = Instance("plan");
        var grading = UserTask(hazard, "grade");
        var filing = UserTask(plan, "file");
        var graded = UserTask(hazard, "graded");
        graded.State = UserTaskState.Completed;
        var cancelled = UserTask(plan, "withdrawn");
        cancelled.State = UserTaskState.Cancelled;
        await CommitAsync(tx =>
        {
            tx.AddInstance(hazard);
            tx.AddInstance(plan);
            foreach (var t in new[] { grading, filing, graded, cancelled })
            {
                tx.AddTask(t);
            }
        });

        var positions = await Store.StreamActiveTaskPositionsAsync().ToListAsync();

        Assert.Equal(
            [new ActiveTaskPosition("plan", plan.Id, "file"), new ActiveTaskPosition("hazard", hazard.Id, "grade")],
            positions.OrderBy(p => p.ElementId, StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task Changed_candidates_move_the_task_to_its_new_users_and_groups()
    {
        var instance = Instance();
        var task = UserTask(instance);
        task.CandidateGroups = ["区县政府"];
        task.CandidateUsers = ["chen"];
        await CommitAsync(tx =>
        {
            tx.AddInstance(instance);
            tx.AddTask(task);
        });

        // Updated without being read in the same transaction, then read and updated again.
        task.CandidateGroups = ["市安委办"];
        await CommitAsync(tx => tx.UpdateTask(task));
        await using (var tx = await Store.BeginAsync())
        {
            var read = (await tx.FindTaskAsync(task.Id))!;
            read.CandidateUsers = ["chen", "sun"];
            tx.UpdateTask(read);
            await tx.CommitAsync();
        }

        Assert.Equal(0, (await Store.QueryTasksAsync(new TaskQuery { CandidateGroups = ["区县政府"] })).TotalCount);
        Assert.Equal(1, (await Store.QueryTasksAsync(new TaskQuery { CandidateGroups = ["市安委办"] })).TotalCount);
        Assert.Equal(1, (await Store.QueryTasksAsync(new TaskQuery { CandidateUser = "sun" })).TotalCount);
        var stored = (await Store.FindTaskAsync(task.Id))!;
        Assert.Equal(["chen", "sun"], stored.CandidateUsers);
        Assert.Equal(["市安委办"], stored.CandidateGroups);
    }

    [StoreFact]
    public async Task An_inbox_offers_only_active_unassigned_tasks_through_claim_complete_cancel_and_candidate_changes()
    {
        var instance = Instance();
        UserTaskRecord Offered(string element, int minute, string[] groups, string[]? users = null, DateTimeOffset? due = null, int priority = 50)
        {
            var task = UserTask(instance, element, T0.AddMinutes(minute));
            task.CandidateGroups = groups;
            task.CandidateUsers = users ?? [];
            task.DueDate = due;
            task.Priority = priority;
            return task;
        }

        var a = Offered("a", 1, ["消防支队"], due: T0.AddDays(2));
        var b = Offered("b", 2, ["消防支队"], ["wang"], T0.AddDays(1), priority: 80);
        var c = Offered("c", 3, ["住建局"]);
        var d = Offered("d", 4, ["消防支队", "消防支队:DepartmentOfficer"], priority: 10);
        var taken = Offered("taken", 5, ["消防支队"]);
        taken.Assignee = "li";
        var done = Offered("done", 6, ["消防支队"]);
        done.State = UserTaskState.Completed;
        await CommitAsync(tx =>
        {
            tx.AddInstance(instance);
            foreach (var task in new[] { a, b, c, d, taken, done })
            {
                tx.AddTask(task);
            }
        });

        var inbox = new TaskQuery { Unassigned = true, CandidateUser = "wang", CandidateGroups = ["消防支队", "消防支队:DepartmentOfficer"] };
        async Task<string> Inbox(TaskSort sort = TaskSort.Created, int skip = 0, DateTimeOffset? dueBefore = null)
        {
            var page = await Store.QueryTasksAsync(inbox with { Sort = sort, Skip = skip, DueBefore = dueBefore });
            return $"{page.TotalCount}:{string.Join(',', page.Items.Select(t => t.ElementId))}";
        }

        // b is offered to wang and to the group: one task, counted once.
        Assert.Equal("3:a,b,d", await Inbox());
        Assert.Equal("3:b,a,d", await Inbox(TaskSort.DueDate));
        Assert.Equal("3:b,a,d", await Inbox(TaskSort.Priority));
        Assert.Equal("3:d", await Inbox(skip: 2));
        Assert.Equal("1:b", await Inbox(TaskSort.DueDate, dueBefore: T0.AddDays(1.5)));

        // Claimed: out of the inbox, in the assignee's list.
        await UpdateAsync(a.Id, t =>
        {
            t.Assignee = "zhao";
            t.ClaimedAt = T0.AddHours(1);
        });
        Assert.Equal("2:b,d", await Inbox());
        Assert.Equal(["a"], (await Store.QueryTasksAsync(new TaskQuery { Assignee = "zhao" })).Items.Select(t => t.ElementId));

        // Completed: out of the inbox, still found among every task ever offered.
        await UpdateAsync(b.Id, t =>
        {
            t.State = UserTaskState.Completed;
            t.CompletedAt = T0.AddHours(2);
            t.CompletedBy = "wang";
        });
        Assert.Equal("1:d", await Inbox());
        Assert.Equal(["b"], (await Store.QueryTasksAsync(inbox with { Unassigned = null, State = null, CandidateGroups = null })).Items.Select(t => t.ElementId));

        // Offered to the group now, and a sort key changed while on offer.
        await UpdateAsync(c.Id, t => t.CandidateGroups = ["消防支队"]);
        await UpdateAsync(d.Id, t => t.DueDate = T0.AddDays(-1));
        Assert.Equal("2:c,d", await Inbox());
        Assert.Equal("2:d,c", await Inbox(TaskSort.DueDate));

        // Cancelled by an update without a read in the same command (as cancelling an instance may write it).
        d.State = UserTaskState.Cancelled;
        d.DueDate = T0.AddDays(-1);
        await CommitAsync(tx => tx.UpdateTask(d));
        Assert.Equal("1:c", await Inbox());

        // Handed back: on offer again.
        await UpdateAsync(a.Id, t =>
        {
            t.Assignee = null;
            t.ClaimedAt = null;
        });
        Assert.Equal("2:a,c", await Inbox());
        Assert.Equal(6, (await Store.QueryTasksAsync(new TaskQuery { CandidateGroups = ["消防支队"], State = null })).TotalCount);
    }

    private async Task UpdateAsync(Guid taskId, Action<UserTaskRecord> change)
    {
        await using var tx = await Store.BeginAsync();
        var task = (await tx.FindTaskAsync(taskId))!;
        change(task);
        tx.UpdateTask(task);
        await tx.CommitAsync();
    }

    [StoreFact]
    public async Task Tasks_page_with_a_total_count_and_sort_by_creation_due_date_and_priority()
    {
        var instance = Instance();
        var tasks = Enumerable.Range(0, 7).Select(i => UserTask(instance, "t" + i, T0.AddMinutes(i))).ToList();
        tasks[0].DueDate = null;
        tasks[1].DueDate = T0.AddDays(3);
        tasks[2].DueDate = T0.AddDays(1);

        // The same instant later on the clock face in another offset: ordering is by instant, not by text.
        tasks[3].DueDate = new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.FromHours(8));
        tasks[4].DueDate = null;
        tasks[5].DueDate = T0.AddDays(-1);
        tasks[6].DueDate = T0.AddDays(1);
        for (var i = 0; i < tasks.Count; i++)
        {
            tasks[i].Priority = i * 10 % 35;
        }

        await CommitAsync(tx =>
        {
            tx.AddInstance(instance);
            tasks.ForEach(tx.AddTask);
        });

        var firstPage = await Store.QueryTasksAsync(new TaskQuery { Take = 3 });
        var secondPage = await Store.QueryTasksAsync(new TaskQuery { Skip = 3, Take = 3 });
        var lastPage = await Store.QueryTasksAsync(new TaskQuery { Skip = 6, Take = 3 });
        Assert.Equal(7, firstPage.TotalCount);
        Assert.Equal(["t0", "t1", "t2"], firstPage.Items.Select(t => t.ElementId));
        Assert.Equal(["t3", "t4", "t5"], secondPage.Items.Select(t => t.ElementId));
        Assert.Equal(["t6"], lastPage.Items.Select(t => t.ElementId));

        var byDue = await Store.QueryTasksAsync(new TaskQuery { Sort = TaskSort.DueDate });
        Assert.Equal(["t5", "t3", "t2", "t6", "t1", "t0", "t4"], byDue.Items.Select(t => t.ElementId));

        var overdue = await Store.QueryTasksAsync(new TaskQuery { DueBefore = T0.AddDays(1), Sort = TaskSort.DueDate });
        Assert.Equal(["t5", "t3"], overdue.Items.Select(t => t.ElementId));

        var byPriority = await Store.QueryTasksAsync(new TaskQuery { Sort = TaskSort.Priority });
        Assert.Equal(["t3", "t6", "t2", "t5", "t1", "t4", "t0"], byPriority.Items.Select(t => t.ElementId));
        Assert.Equal(tasks[3].DueDate, byDue.Items[1].DueDate);
    }

    [StoreFact]
    public async Task Active_tasks_of_an_instance_exclude_completed_ones_and_other_instances()
    {
        var instance = Instance();
        var other = Instance();
        var active = UserTask(instance, "a");
        var completed = UserTask(instance, "c");
        completed.State = UserTaskState.Completed;
        await CommitAsync(tx =>
        {
            tx.AddInstance(instance);
            tx.AddInstance(other);
            tx.AddTask(active);
            tx.AddTask(completed);
            tx.AddTask(UserTask(other, "o"));
        });

        await using var read = await Store.BeginAsync();
        Assert.Equal([active.Id], (await read.GetActiveTasksByInstanceAsync(instance.Id)).Select(t => t.Id));
        Assert.Equal(completed.Id, (await read.FindTaskAsync(completed.Id))!.Id);
    }

    [StoreFact]
    public async Task Task_fields_round_trip()
    {
        var instance = Instance(businessKey: "HZ-9");
        var task = UserTask(instance);
        task.Assignee = "li";
        task.CandidateUsers = ["a", "b"];
        task.CandidateGroups = ["g"];
        task.DueDate = new DateTimeOffset(2026, 4, 1, 9, 30, 15, 123, TimeSpan.FromHours(8)).AddTicks(4567);
        task.FollowUpDate = T0.AddDays(2);
        task.Priority = 77;
        task.FormKey = "camunda-forms:deployment:hazard.form";
        task.ClaimedAt = T0.AddHours(1);
        task.CompletedAt = T0.AddHours(2);
        task.CompletedBy = "li";
        task.State = UserTaskState.Completed;
        await CommitAsync(tx => tx.AddTask(task));

        var found = (await Store.FindTaskAsync(task.Id))!;
        Assert.Equal(task.DueDate, found.DueDate);
        Assert.Equal(task.DueDate.Value.UtcTicks, found.DueDate!.Value.UtcTicks);
        Assert.Equal(
            (task.InstanceId, task.ExecutionId, task.DefinitionId, task.DefinitionKey, task.BusinessKey, task.ElementId, task.Name, task.Assignee, task.FollowUpDate, task.Priority, task.FormKey, task.State, task.CreatedAt, task.ClaimedAt, task.CompletedAt, task.CompletedBy),
            (found.InstanceId, found.ExecutionId, found.DefinitionId, found.DefinitionKey, found.BusinessKey, found.ElementId, found.Name, found.Assignee, found.FollowUpDate, found.Priority, found.FormKey, found.State, found.CreatedAt, found.ClaimedAt, found.CompletedAt, found.CompletedBy));
        Assert.Equal(["a", "b"], found.CandidateUsers);
        Assert.Equal(["g"], found.CandidateGroups);
    }

    // ---- jobs --------------------------------------------------------------------------------------------------

    [StoreFact]
    public async Task Acquisition_locks_due_jobs_with_retries_by_priority_then_due_time()
    {
        var now = T0.AddHours(1);
        var late = Job(now.AddMinutes(-30), priority: 0);
        var early = Job(now.AddMinutes(-50), priority: 0);
        var urgent = Job(now.AddMinutes(-1), priority: 9);
        var exactlyDue = Job(now, priority: 0);
        var notDue = Job(now.AddSeconds(1), priority: 99);
        var noRetries = Job(now.AddMinutes(-60), priority: 99, retries: 0);
        await CommitAsync(tx =>
        {
            foreach (var j in new[] { late, early, urgent, exactlyDue, notDue, noRetries })
            {
                tx.AddJob(j);
            }
        });

        var first = await Store.AcquireDueJobsAsync("node-a", now, TimeSpan.FromMinutes(5), max: 3);
        Assert.Equal([urgent.Id, early.Id, late.Id], first.Select(j => j.Id));
        Assert.All(first, j => Assert.Equal("node-a", j.LockOwner));
        Assert.All(first, j => Assert.Equal(now.AddMinutes(5), j.LockExpiresAt));

        var second = await Store.AcquireDueJobsAsync("node-b", now, TimeSpan.FromMinutes(5), max: 10);
        Assert.Equal([exactlyDue.Id], second.Select(j => j.Id));
        Assert.Empty(await Store.AcquireDueJobsAsync("node-b", now, TimeSpan.FromMinutes(5), max: 10));

        await using var read = await Store.BeginAsync();
        var stored = (await read.FindJobAsync(urgent.Id))!;
        Assert.Equal("node-a", stored.LockOwner);
        Assert.Equal(now.AddMinutes(5), stored.LockExpiresAt);
    }

    [StoreFact]
    public async Task An_expired_lock_can_be_acquired_again()
    {
        var job = Job(T0);
        await CommitAsync(tx => tx.AddJob(job));

        Assert.Single(await Store.AcquireDueJobsAsync("node-a", T0, TimeSpan.FromMinutes(5), 10));
        Assert.Empty(await Store.AcquireDueJobsAsync("node-b", T0.AddMinutes(4), TimeSpan.FromMinutes(5), 10));
        var retaken = Assert.Single(await Store.AcquireDueJobsAsync("node-b", T0.AddMinutes(5), TimeSpan.FromMinutes(5), 10));
        Assert.Equal("node-b", retaken.LockOwner);
        Assert.Equal(T0.AddMinutes(10), retaken.LockExpiresAt);
    }

    [StoreFact]
    public async Task Concurrent_acquirers_never_receive_the_same_job()
    {
        var jobs = Enumerable.Range(0, 120).Select(i => Job(T0.AddSeconds(-i), priority: i % 3)).ToList();
        await CommitAsync(tx => jobs.ForEach(tx.AddJob));
        var other = await OpenSecondHandleAsync();

        var acquirers = Enumerable.Range(0, 6).Select(n => System.Threading.Tasks.Task.Run(async () =>
        {
            var store = n % 2 == 0 ? Store : other;
            var mine = new List<Guid>();
            while (true)
            {
                var batch = await store.AcquireDueJobsAsync("node-" + n, T0, TimeSpan.FromMinutes(5), max: 7);
                if (batch.Count == 0)
                {
                    return mine;
                }

                Assert.All(batch, j => Assert.Equal("node-" + n, j.LockOwner));
                mine.AddRange(batch.Select(j => j.Id));
            }
        })).ToList();
        var results = await System.Threading.Tasks.Task.WhenAll(acquirers);

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(jobs.Count, all.Count);
        Assert.Equal(jobs.Count, all.Distinct().Count());
    }

    [StoreFact]
    public async Task Next_due_time_skips_exhausted_jobs_and_waits_for_live_locks()
    {
        Assert.Null(await Store.GetNextJobDueAtAsync());
        var exhausted = Job(T0.AddMinutes(-10), retries: 0);
        var locked = Job(T0.AddMinutes(-5));
        var later = Job(T0.AddMinutes(20));
        await CommitAsync(tx =>
        {
            tx.AddJob(exhausted);
            tx.AddJob(locked);
            tx.AddJob(later);
        });
        Assert.Equal(T0.AddMinutes(-5), await Store.GetNextJobDueAtAsync());

        await Store.AcquireDueJobsAsync("node-a", T0, TimeSpan.FromMinutes(15), 1);
        Assert.Equal(T0.AddMinutes(15), await Store.GetNextJobDueAtAsync());
    }

    [StoreFact]
    public async Task Jobs_are_updated_deleted_and_listed_by_instance_and_as_start_jobs()
    {
        var instance = Instance();
        var second = Job(T0.AddMinutes(2), instanceId: instance.Id);
        var first = Job(T0.AddMinutes(1), instanceId: instance.Id);
        var doomed = Job(T0.AddMinutes(3), instanceId: instance.Id);
        var startJob = Job(T0, key: "campaign");
        var otherStart = Job(T0, key: "other");
        await CommitAsync(tx =>
        {
            tx.AddInstance(instance);
            foreach (var j in new[] { second, first, doomed, startJob, otherStart })
            {
                tx.AddJob(j);
            }
        });

        await using (var tx = await Store.BeginAsync())
        {
            var failed = (await tx.FindJobAsync(first.Id))!;
            failed.Retries = 2;
            failed.ErrorMessage = "连接超时";
            tx.UpdateJob(failed);
            tx.DeleteJob(doomed.Id);
            var transient = Job(T0, instanceId: instance.Id);
            tx.AddJob(transient);
            tx.DeleteJob(transient.Id);
            Assert.Equal([startJob.Id], (await tx.GetStartJobsAsync("campaign")).Select(j => j.Id));
            await tx.CommitAsync();
        }

        var jobs = await Store.GetJobsByInstanceAsync(instance.Id);
        Assert.Equal([first.Id, second.Id], jobs.Select(j => j.Id));
        Assert.Equal(2, jobs[0].Retries);
        Assert.Equal("连接超时", jobs[0].ErrorMessage);
        Assert.True(jobs[0].Exclusive);

        await using var read = await Store.BeginAsync();
        Assert.Equal([first.Id, second.Id], (await read.GetJobsByInstanceAsync(instance.Id)).Select(j => j.Id));
        Assert.Null(await read.FindJobAsync(doomed.Id));
    }

    // ---- subscriptions -----------------------------------------------------------------------------------------

    [StoreFact]
    public async Task Message_subscriptions_are_found_by_name_and_business_key()
    {
        var a = Instance(businessKey: "HZ-1");
        var b = Instance(businessKey: "HZ-2");
        var subA = Subscription("整改完成", a, T0.AddSeconds(2));
        var subB = Subscription("整改完成", b, T0.AddSeconds(1));
        var start = Subscription("整改完成", instance: null, T0, key: "hazard");
        var otherMessage = Subscription("验收", a, T0);
        await CommitAsync(tx =>
        {
            tx.AddInstance(a);
            tx.AddInstance(b);
            foreach (var s in new[] { subA, subB, start, otherMessage })
            {
                tx.AddSubscription(s);
            }
        });

        Assert.Equal([start.Id, subB.Id, subA.Id], (await Store.FindMessageSubscriptionsAsync("整改完成", null)).Select(s => s.Id));
        Assert.Equal([subA.Id], (await Store.FindMessageSubscriptionsAsync("整改完成", "HZ-1")).Select(s => s.Id));
        Assert.Empty(await Store.FindMessageSubscriptionsAsync("整改完成", "HZ-3"));
        Assert.Equal("HZ-1", (await Store.FindMessageSubscriptionsAsync("整改完成", "HZ-1"))[0].BusinessKey);

        await using (var tx = await Store.BeginAsync())
        {
            Assert.Equal([subA.Id], (await tx.FindMessageSubscriptionsAsync("整改完成", "HZ-1")).Select(s => s.Id));
            Assert.Equal([start.Id], (await tx.GetStartSubscriptionsAsync("hazard")).Select(s => s.Id));
            Assert.Equal(2, (await tx.GetSubscriptionsByInstanceAsync(a.Id)).Count);
            tx.DeleteSubscription(subA.Id);
            await tx.CommitAsync();
        }

        Assert.Equal([otherMessage.Id], (await Store.GetSubscriptionsByInstanceAsync(a.Id)).Select(s => s.Id));
        Assert.Empty(await Store.FindMessageSubscriptionsAsync("整改完成", "HZ-1"));
    }

    // ---- incidents and history ---------------------------------------------------------------------------------

    [StoreFact]
    public async Task Incidents_are_queried_by_state_instance_and_key_oldest_first()
    {
        var a = Instance("hazard");
        var b = Instance("plan");
        var late = Incident(a, T0.AddMinutes(2));
        var early = Incident(a, T0.AddMinutes(1));
        var other = Incident(b, T0);
        await CommitAsync(tx =>
        {
            tx.AddInstance(a);
            tx.AddInstance(b);
            tx.AddIncident(late);
            tx.AddIncident(early);
            tx.AddIncident(other);
        });

        Assert.Equal([other.Id, early.Id, late.Id], (await Store.QueryIncidentsAsync(new IncidentQuery())).Items.Select(i => i.Id));
        Assert.Equal([early.Id, late.Id], (await Store.QueryIncidentsAsync(new IncidentQuery { DefinitionKey = "hazard" })).Items.Select(i => i.Id));

        await using (var tx = await Store.BeginAsync())
        {
            // The contract promises no order here.
            Assert.Equal(new[] { early.Id, late.Id }.Order(), (await tx.GetOpenIncidentsByInstanceAsync(a.Id)).Select(i => i.Id).Order());
            var resolved = (await tx.FindIncidentAsync(early.Id))!;
            resolved.State = IncidentState.Resolved;
            resolved.ResolvedAt = T0.AddHours(1);
            tx.UpdateIncident(resolved);
            await tx.CommitAsync();
        }

        var open = await Store.QueryIncidentsAsync(new IncidentQuery { InstanceId = a.Id });
        Assert.Equal([late.Id], open.Items.Select(i => i.Id));
        var closed = await Store.QueryIncidentsAsync(new IncidentQuery { State = IncidentState.Resolved });
        Assert.Equal(T0.AddHours(1), Assert.Single(closed.Items).ResolvedAt);
        var everything = await Store.QueryIncidentsAsync(new IncidentQuery { State = null, Skip = 1, Take = 1 });
        Assert.Equal(3, everything.TotalCount);
        Assert.Equal([early.Id], everything.Items.Select(i => i.Id));
    }

    [StoreFact]
    public async Task History_is_returned_in_sequence_order_with_every_field()
    {
        var instance = Instance();
        await CommitAsync(tx =>
        {
            tx.AddInstance(instance);
            tx.AppendHistory(History(instance, 3));
            tx.AppendHistory(History(instance, 1, HistoryEventType.InstanceStarted));
        });
        var taskEvent = History(instance, 2, HistoryEventType.TaskCompleted);
        taskEvent.TaskId = Guid.NewGuid();
        taskEvent.Data = "{\"意见\":\"同意\"}";
        await CommitAsync(tx =>
        {
            tx.AppendHistory(History(instance, 4));
            tx.AppendHistory(taskEvent);
        });

        var history = await Store.GetHistoryAsync(instance.Id);
        Assert.Equal([1L, 2, 3, 4], history.Select(h => h.Sequence));
        var read = history[1];
        Assert.Equal(
            (taskEvent.Id, taskEvent.InstanceId, taskEvent.DefinitionId, taskEvent.Type, taskEvent.ElementId, taskEvent.ElementType, taskEvent.TaskId, taskEvent.UserId, taskEvent.Timestamp, taskEvent.Data),
            (read.Id, read.InstanceId, read.DefinitionId, read.Type, read.ElementId, read.ElementType, read.TaskId, read.UserId, read.Timestamp, read.Data));
        Assert.Empty(await Store.GetHistoryAsync(Guid.NewGuid()));
    }
}
