using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class GatewayTests
{
    [Theory]
    [InlineData("major", "supervise")]
    [InlineData("general", "fix")]
    [InlineData("other", "fallback")]
    public async Task Exclusive_gateway_takes_the_first_true_flow_else_the_default(string grade, string expected)
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="fDefault" />
            <bpmn:userTask id="supervise" /><bpmn:userTask id="fix" /><bpmn:userTask id="fallback" />
            {Flow("f0", "start", "gw")}
            {Flow("fMajor", "gw", "supervise", "${grade == 'major'}")}
            {Flow("fGeneral", "gw", "fix", "${grade == 'general'}")}
            {Flow("fDefault", "gw", "fallback")}
            """));
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["grade"] = grade });
        Assert.Equal([expected], instance.ActiveElementIds);
    }

    [Fact]
    public async Task Exclusive_gateway_without_a_match_or_default_raises_an_incident_that_can_be_retried()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" />
            <bpmn:userTask id="a" />
            {Flow("f0", "start", "gw")}
            {Flow("f1", "gw", "a", "${grade == 'major'}")}
            """));
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["grade"] = "minor" });
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("gw", incident.ElementId);

        await h.Engine.SetVariablesAsync(instance.Id, new Dictionary<string, object?> { ["grade"] = "major" });
        await h.Engine.RetryIncidentAsync(incident.Id);

        var after = await h.InstanceAsync(instance.Id);
        Assert.Empty(after.Incidents);
        Assert.Equal(["a"], after.ActiveElementIds);
    }

    [Fact]
    public async Task Parallel_gateway_forks_and_joins_one_token_per_incoming_flow()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="a" /><bpmn:userTask id="b" /><bpmn:userTask id="c" />
            <bpmn:parallelGateway id="join" />
            <bpmn:userTask id="after" />
            {Flow("f0", "start", "fork")}
            {Flow("fa", "fork", "a")}{Flow("fb", "fork", "b")}{Flow("fc", "fork", "c")}
            {Flow("ja", "a", "join")}{Flow("jb", "b", "join")}{Flow("jc", "c", "join")}
            {Flow("f9", "join", "after")}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        Assert.Equal(3, (await h.TasksAsync(instance.Id)).Count);

        await h.CompleteAsync(instance.Id, "a");
        await h.CompleteAsync(instance.Id, "c");
        var waiting = await h.InstanceAsync(instance.Id);
        Assert.Equal(["b", "join"], waiting.ActiveElementIds.Order());

        await h.CompleteAsync(instance.Id, "b");
        var joined = await h.InstanceAsync(instance.Id);
        Assert.Equal(["after"], joined.ActiveElementIds);
        Assert.Single(await h.TasksAsync(instance.Id));
    }

    private static string InclusiveProcess => Process($"""
        <bpmn:startEvent id="start" />
        <bpmn:inclusiveGateway id="fork" />
        <bpmn:userTask id="fire" /><bpmn:userTask id="gas" /><bpmn:userTask id="road" />
        <bpmn:inclusiveGateway id="join" />
        <bpmn:userTask id="after" />
        {Flow("f0", "start", "fork")}
        {Flow("fFire", "fork", "fire", "${fire}")}{Flow("fGas", "fork", "gas", "${gas}")}{Flow("fRoad", "fork", "road", "${road}")}
        {Flow("j1", "fire", "join")}{Flow("j2", "gas", "join")}{Flow("j3", "road", "join")}
        {Flow("f9", "join", "after")}
        """);

    [Fact]
    public async Task Inclusive_gateway_forks_on_true_conditions_and_the_join_waits_for_live_tokens()
    {
        var h = new EngineHarness();
        await h.DeployAsync(InclusiveProcess);
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["fire"] = true, ["gas"] = true, ["road"] = false });
        Assert.Equal(["fire", "gas"], instance.ActiveElementIds.Order());

        await h.CompleteAsync(instance.Id, "fire");
        Assert.Equal(["gas", "join"], (await h.InstanceAsync(instance.Id)).ActiveElementIds.Order());

        await h.CompleteAsync(instance.Id, "gas");
        Assert.Equal(["after"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task Inclusive_join_fires_at_once_when_only_one_branch_was_taken()
    {
        var h = new EngineHarness();
        await h.DeployAsync(InclusiveProcess);
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["fire"] = false, ["gas"] = false, ["road"] = true });
        await h.CompleteAsync(instance.Id, "road");
        Assert.Equal(["after"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
    }

    private static string EventGatewayProcess => Process($"""
        <bpmn:startEvent id="start" />
        <bpmn:eventBasedGateway id="gw" />
        <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="msgReply" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="handleReply" /><bpmn:userTask id="escalate" />
        {Flow("f0", "start", "gw")}{Flow("f1", "gw", "reply")}{Flow("f2", "gw", "timeout")}
        {Flow("f3", "reply", "handleReply")}{Flow("f4", "timeout", "escalate")}
        """, extraDefinitions: """<bpmn:message id="msgReply" name="Reply" />""");

    [Fact]
    public async Task Event_based_gateway_message_wins_and_the_timer_is_cancelled()
    {
        var h = new EngineHarness();
        await h.DeployAsync(EventGatewayProcess);
        var instance = await h.Engine.StartInstanceAsync("p", "B-1");
        Assert.Single(await h.Store.GetJobsByInstanceAsync(instance.Id));

        var reached = await h.Engine.CorrelateMessageAsync("Reply", "B-1", variables: new Dictionary<string, object?> { ["answer"] = "ok" });

        Assert.Equal([instance.Id], reached);
        var view = await h.InstanceAsync(instance.Id);
        Assert.Equal(["handleReply"], view.ActiveElementIds);
        Assert.Equal("ok", view.Variables["answer"]);
        Assert.Empty(await h.Store.GetJobsByInstanceAsync(instance.Id));
        Assert.Empty(await h.Store.GetSubscriptionsByInstanceAsync(instance.Id));
    }

    [Fact]
    public async Task Event_based_gateway_timer_wins_and_the_subscription_is_removed()
    {
        var h = new EngineHarness();
        await h.DeployAsync(EventGatewayProcess);
        var instance = await h.Engine.StartInstanceAsync("p", "B-2");

        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromMinutes(119)));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal(["escalate"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
        Assert.Empty(await h.Store.GetSubscriptionsByInstanceAsync(instance.Id));
        Assert.Empty(await h.Engine.CorrelateMessageAsync("Reply", "B-2"));
    }

    [Fact]
    public async Task Conditional_flows_out_of_an_activity_take_every_true_flow()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="report" />
            <bpmn:userTask id="notifyFire" /><bpmn:userTask id="notifyPolice" /><bpmn:userTask id="archive" />
            {Flow("f0", "start", "report")}
            {Flow("f1", "report", "notifyFire", "${fire}")}
            {Flow("f2", "report", "notifyPolice", "${police}")}
            {Flow("f3", "report", "archive")}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        await h.CompleteAsync(instance.Id, "report", new Dictionary<string, object?> { ["fire"] = true, ["police"] = false });
        Assert.Equal(["archive", "notifyFire"], (await h.InstanceAsync(instance.Id)).ActiveElementIds.Order());
    }
}
