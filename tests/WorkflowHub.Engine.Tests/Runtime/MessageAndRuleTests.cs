using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class MessageAndRuleTests
{
    private static readonly string Receiver = Process($$"""
        <bpmn:startEvent id="start" />
        <bpmn:receiveTask id="wait" messageRef="m" />
        <bpmn:intermediateCatchEvent id="second"><bpmn:messageEventDefinition messageRef="m2" /></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="after" />
        {{Flow("f0", "start", "wait")}}{{Flow("f1", "wait", "second")}}{{Flow("f2", "second", "after")}}
        """, extraDefinitions: """<bpmn:message id="m" name="Evidence" /><bpmn:message id="m2" name="Accepted" />""");

    [Fact]
    public async Task Messages_are_correlated_by_business_key_and_by_correlation_variables()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Receiver);
        var a = await h.Engine.StartInstanceAsync("p", "A", new Dictionary<string, object?> { ["unit"] = "u1" });
        var b = await h.Engine.StartInstanceAsync("p", "B", new Dictionary<string, object?> { ["unit"] = "u2" });

        Assert.Empty(await h.Engine.CorrelateMessageAsync("Evidence", "C"));
        Assert.Equal([a.Id], await h.Engine.CorrelateMessageAsync("Evidence", "A", variables: new Dictionary<string, object?> { ["file"] = "a.pdf" }));
        Assert.Equal([b.Id], await h.Engine.CorrelateMessageAsync("Evidence", correlationKeys: new Dictionary<string, object?> { ["unit"] = "u2" }));
        Assert.Empty(await h.Engine.CorrelateMessageAsync("Evidence", "A"));

        Assert.Equal(["second"], (await h.InstanceAsync(a.Id)).ActiveElementIds);
        Assert.Equal("a.pdf", (await h.InstanceAsync(a.Id)).Variables["file"]);
        Assert.Equal(2, (await h.Engine.CorrelateMessageAsync("Accepted")).Count);
        Assert.Equal(["after"], (await h.InstanceAsync(b.Id)).ActiveElementIds);
        var history = await h.Store.GetHistoryAsync(a.Id);
        Assert.Equal(2, history.Count(e => e.Type == HistoryEventType.MessageCorrelated));
    }

    [Fact]
    public async Task Message_start_event_starts_an_instance_with_the_business_key_and_payload()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="reported"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
            <bpmn:userTask id="grade" />
            {{Flow("f0", "reported", "grade")}}
            """, extraDefinitions: """<bpmn:message id="m" name="HazardReported" />"""));
        var reached = await h.Engine.CorrelateMessageAsync("HazardReported", "HZ-9", variables: new Dictionary<string, object?> { ["source"] = "self" });
        var id = Assert.Single(reached);
        var view = await h.InstanceAsync(id);
        Assert.Equal("HZ-9", view.BusinessKey);
        Assert.Equal("self", view.Variables["source"]);
        await Assert.ThrowsAsync<InvalidCommandException>(() => h.Engine.StartInstanceAsync("p"));
    }

    [Fact]
    public async Task Business_rule_task_stores_the_evaluator_result_and_records_the_decision()
    {
        var rules = new Rules();
        var h = new EngineHarness(rules: rules);
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:businessRuleTask id="decide" camunda:decisionRef="escalation" camunda:resultVariable="decision" />
            <bpmn:userTask id="after" />
            {{Flow("f0", "start", "decide")}}{{Flow("f1", "decide", "after")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p", "HZ", new Dictionary<string, object?> { ["daysOverdue"] = 12 }, "u1");
        Assert.Equal(new Dictionary<string, object?> { ["kind"] = "supervision", ["days"] = 12L }, instance.Variables["decision"]);
        Assert.Equal("escalation", rules.Seen!.DecisionRef);
        Assert.Equal("u1", rules.Seen.UserId);
        Assert.Contains(await h.Store.GetHistoryAsync(instance.Id), e => e.Type == HistoryEventType.DecisionEvaluated && e.Data!.Contains("supervision"));
    }

    private sealed class Rules : IBusinessRuleEvaluator
    {
        public BusinessRuleContext? Seen { get; private set; }

        public Task<object?> EvaluateAsync(BusinessRuleContext context, CancellationToken cancellationToken)
        {
            Seen = context;
            return Task.FromResult<object?>(new { kind = "supervision", days = context.Variables["daysOverdue"] });
        }
    }
}
