using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Parsing;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;

namespace WorkflowHub.Engine.Tests.Conformance;

/// <summary>The MIWG reference diagrams, drawn by other tools: read, kept byte for byte, refused or run.</summary>
public class MiwgConformanceTests
{
    public static TheoryData<string> AllFiles => new(MiwgCorpus.Files.Select(Path.GetFileNameWithoutExtension).Select(n => n!));

    public static TheoryData<string> NonExecutableFiles => new(MiwgCorpus.Files.Select(Path.GetFileNameWithoutExtension).Select(n => n!)
        .Where(n => !MiwgCorpus.Executable.Contains(n) && !File.ReadAllText(Path.Combine(MiwgCorpus.Directory, n + ".bpmn")).Contains("isExecutable=\"true\"", StringComparison.Ordinal)));

    [Fact]
    public void The_corpus_is_there()
    {
        Assert.True(MiwgCorpus.Files.Count() >= 21, MiwgCorpus.Directory);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Every_file_parses(string name)
    {
        var document = new BpmnParser().Parse(MiwgCorpus.Read(name));
        Assert.NotEmpty(document.Processes);
        Assert.All(document.Processes, p => Assert.NotEmpty(p.Nodes));
    }

    [Theory]
    [MemberData(nameof(NonExecutableFiles))]
    public async Task Non_executable_files_are_refused_as_not_executable(string name)
    {
        var h = new EngineHarness();
        var error = await Assert.ThrowsAsync<BpmnValidationException>(() => h.Engine.DeployAsync(MiwgCorpus.Read(name)));
        Assert.All(error.Errors, e => Assert.Contains("not executable", e.Message));
        Assert.Empty(await h.Store.ListDefinitionsAsync());
    }

    [Theory]
    [InlineData("C.1.1")]
    [InlineData("C.3.0")]
    [InlineData("C.8.1")]
    [InlineData("C.9.0")]
    [InlineData("C.9.1")]
    [InlineData("C.9.2")]
    public async Task Executable_files_deploy_with_their_exact_xml(string name)
    {
        var xml = MiwgCorpus.Read(name);
        var h = new EngineHarness();
        var deployed = await h.Engine.DeployAsync(xml);
        Assert.Equal(xml, await h.Engine.GetDefinitionXmlAsync(deployed.Id));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(xml), System.Text.Encoding.UTF8.GetBytes((await h.Store.FindDefinitionAsync(deployed.Id))!.Xml));
    }

    [Fact]
    public async Task C_1_1_invoice_runs_to_its_end_event()
    {
        var end = await RunAsync("C.1.1", new() { ["approver"] = "demo", ["approved"] = true, ["clarified"] = "yes" });
        Assert.Contains("invoiceProcessed", end.CompletedElementIds);
    }

    [Fact]
    public async Task C_3_0_fridge_repair_starts_by_message_and_runs_to_its_end_event() =>
        await RunAsync("C.3.0", new() { ["Service Level"] = "Premium" });

    [Fact]
    public async Task C_8_1_vacation_request_runs_to_its_end_event()
    {
        var end = await RunAsync("C.8.1", new() { ["Vacation Approval"] = "Approved" });
        Assert.Contains("_93ec9873-edf1-4549-b052-961994ec8234", end.CompletedElementIds);
    }

    [Fact]
    public async Task C_9_0_onboarding_runs_through_the_called_manual_check_to_its_end_event()
    {
        var h = new EngineHarness();
        await h.Engine.DeployAsync(MiwgCorpus.Read("C.9.2"));
        var end = await RunAsync("C.9.0", new() { ["riskLevels"] = new List<object?> { "yellow" }, ["approved"] = true, ["fraud"] = false }, h);
        Assert.Contains("Activity_ManualCheck", end.CompletedElementIds);
    }

    [Fact]
    public async Task C_9_1_document_request_runs_to_its_end_event_when_the_answer_arrives()
    {
        var end = await RunAsync("C.9.1", []);
        Assert.Contains("ReceiveTask_WaitForDocument", end.CompletedElementIds);
    }

    [Fact]
    public async Task C_9_2_manual_check_runs_to_its_end_event() =>
        await RunAsync("C.9.2", new() { ["fraud"] = false });

    /// <summary>
    /// Deploys and drives an instance: completes user tasks with <paramref name="values"/>, answers external tasks with
    /// them, correlates the messages tokens wait for, and lets a day pass when nothing else moves.
    /// </summary>
    private static async Task<InstanceView> RunAsync(string name, Dictionary<string, object?> values, EngineHarness? harness = null)
    {
        var xml = MiwgCorpus.Read(name);
        var document = new BpmnParser().Parse(xml);
        var topics = document.Processes.SelectMany(p => p.Nodes.Values).Select(n => n.External?.Topic).OfType<string>().Distinct().ToList();
        var handlers = topics.Select(t => new DelegateTaskHandler(t, _ => ExternalTaskResult.Success(values))).ToList();
        var h = harness is null ? new EngineHarness(handlers, new AnswerRules(values)) : new EngineHarness(handlers, new AnswerRules(values));
        if (harness is not null)
        {
            foreach (var definition in await harness.Store.ListDefinitionsAsync())
            {
                await h.Engine.DeployAsync(definition.Xml);
            }
        }

        var deployed = await h.Engine.DeployAsync(xml);
        var process = document.FindProcess(deployed.Key)!;
        Guid id;
        if (process.RootScope.NoneStartEvent is not null)
        {
            id = (await h.Engine.StartInstanceAsync(deployed.Key, "MIWG-" + name)).Id;
        }
        else
        {
            var message = process.RootScope.StartEvents.First(s => s.Event?.Kind == EventKind.Message).Event!.MessageName!;
            id = Assert.Single(await h.Engine.CorrelateMessageAsync(message, "MIWG-" + name));
        }

        for (var step = 0; step < 60; step++)
        {
            var view = await h.InstanceAsync(id);
            Assert.True(view.Incidents.Count == 0, string.Join("; ", view.Incidents.Select(i => $"{i.ElementId}: {i.Message}")));
            if (view.State != InstanceState.Active)
            {
                break;
            }

            var moved = false;
            foreach (var task in (await h.Store.QueryTasksAsync(new TaskQuery { Take = 100 })).Items)
            {
                await h.Engine.CompleteTaskAsync(task.Id, values, "driver");
                moved = true;
            }

            moved |= await h.RunJobsAsync() > 0;
            if (!moved)
            {
                foreach (var instance in (await h.Store.QueryInstancesAsync(new InstanceQuery { State = InstanceState.Active, Take = 100 })).Items)
                {
                    var model = (await h.Store.FindDefinitionAsync(instance.DefinitionId))!;
                    var nodes = new BpmnParser().Parse(model.Xml).FindProcess(model.Key)!;
                    foreach (var subscription in await h.Store.GetSubscriptionsByInstanceAsync(instance.Id))
                    {
                        var node = nodes.GetNode(subscription.ElementId);
                        if (node.Kind is NodeKind.ReceiveTask or NodeKind.IntermediateCatchEvent)
                        {
                            moved |= (await h.Engine.CorrelateMessageAsync(subscription.MessageName, instance.BusinessKey)).Count > 0;
                        }
                    }
                }
            }

            if (!moved)
            {
                await h.AdvanceAsync(TimeSpan.FromDays(1));
            }
        }

        var end = await h.InstanceAsync(id);
        Assert.Equal(InstanceState.Completed, end.State);
        var endEvents = process.Nodes.Values.Where(n => n.Kind == NodeKind.EndEvent).Select(n => n.Id).ToHashSet();
        Assert.Contains(end.CompletedElementIds, endEvents.Contains);
        return end;
    }

    private sealed class AnswerRules(Dictionary<string, object?> values) : IBusinessRuleEvaluator
    {
        public Task<object?> EvaluateAsync(BusinessRuleContext context, CancellationToken cancellationToken) => Task.FromResult<object?>(values);
    }
}
