using System.Text;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

/// <summary>
/// An instance records each element it completed once, in the order of first completion: a small array up to sixteen
/// ids, then indexed. Loops complete elements again; the list must stay free of repeats on both sides of that boundary
/// and survive the instance document's round trip.
/// </summary>
public class CompletedElementsTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(14)]
    [InlineData(30)]
    public async Task Elements_completed_in_a_loop_are_listed_once_in_first_completion_order(int chainLength)
    {
        // start → n1 … nN → count → gw; gw loops back to n1 twice, then goes to the user task, which keeps the instance open.
        var body = new StringBuilder("<bpmn:startEvent id=\"start\" />");
        body.Append(Flow("f0", "start", "n1"));
        for (var i = 1; i <= chainLength; i++)
        {
            body.Append($"<bpmn:intermediateThrowEvent id=\"n{i}\" />");
            body.Append(Flow($"f{i}", $"n{i}", i == chainLength ? "count" : $"n{i + 1}"));
        }

        body.Append("""
            <bpmn:scriptTask id="count" scriptFormat="javascript"><bpmn:script>execution.setVariable('rounds', rounds + 1);</bpmn:script></bpmn:scriptTask>
            <bpmn:exclusiveGateway id="gw" default="done" />
            <bpmn:userTask id="wait" />
            """);
        body.Append(Flow("toGw", "count", "gw"));
        body.Append(Flow("again", "gw", "n1", "${rounds < 3}"));
        body.Append(Flow("done", "gw", "wait"));

        var h = new EngineHarness();
        await h.DeployAsync(Process(body.ToString()));
        var started = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["rounds"] = 0 });

        string[] expected = ["start", .. Enumerable.Range(1, chainLength).Select(i => $"n{i}"), "count", "gw"];
        Assert.Equal(InstanceState.Active, started.State);
        Assert.Equal(3L, started.Variables["rounds"]);
        Assert.Equal(expected, started.CompletedElementIds);

        // Read back from the stored document, then completed again by a later command.
        Assert.Equal(expected, (await h.InstanceAsync(started.Id)).CompletedElementIds);
        await h.CompleteAsync(started.Id, "wait");
        Assert.Equal([.. expected, "wait"], (await h.InstanceAsync(started.Id)).CompletedElementIds);
    }
}
