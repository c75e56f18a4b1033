using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Server.Tests.Security;
using WorkflowHub.Server.Tests.Workflows;
using EngineConcurrencyException = WorkflowHub.Engine.Persistence.ConcurrencyException;

namespace WorkflowHub.Server.Tests.Concurrency;

/// <summary>
/// Racing writers on one task or one instance: exactly one wins, the others are told (409 over HTTP, an exception or
/// an empty correlation from the engine), and the instance moves on once. Timers fire on the test's clock.
/// </summary>
[Collection(SecurityServerCollection.Name)]
public sealed class ConcurrencyTests(SecurityServer server)
{
    private const int Racers = 16;

    [Fact]
    public async Task Sixteen_clients_completing_one_task_give_one_200_and_fifteen_409_and_one_completion()
    {
        var admin = await server.ClientAsync("admin");
        var office = await server.ClientAsync("office");
        var key = Diagrams.NewKey("race-complete");
        await WorkflowApi.DeployAsync(admin, Diagrams.UserTask(key));
        var instanceId = (await WorkflowApi.StartAsync(office, key)).GetProperty("id").GetGuid();
        var fire = await server.ClientAsync("fire-officer");
        var taskId = Assert.Single(await WorkflowApi.InboxAsync(fire, key));
        // Sixteen separate connections, as sixteen browsers: the two fire department users and the administrator.
        var tokens = new List<AuthenticationHeaderValue>();
        foreach (var user in new[] { "fire-officer", "fire-head", "admin" })
        {
            tokens.Add((await server.ClientAsync(user)).DefaultRequestHeaders.Authorization!);
        }

        var clients = Enumerable.Range(0, Racers).Select(i =>
        {
            var client = server.Factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = tokens[i % tokens.Count];
            return client;
        }).ToList();
        using var starter = new ManualResetEventSlim();
        var racing = clients.Select(client => Task.Run(async () =>
        {
            starter.Wait();
            return await WorkflowApi.CompleteAsync(client, taskId, WorkflowApi.ValidGrading);
        })).ToList();
        starter.Set();
        var responses = await Task.WhenAll(racing);

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.Equal(Racers - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", loser.Content.Headers.ContentType?.MediaType);
        }

        var history = await WorkflowApi.GetJsonAsync(admin, $"/api/instances/{instanceId}/history");
        Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "TaskCompleted");
        Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "InstanceCompleted");
        var instance = await WorkflowApi.GetJsonAsync(admin, $"/api/instances/{instanceId}");
        Assert.Equal("Completed", instance.GetProperty("state").GetString());
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Racing_correlations_of_one_message_move_the_instance_once()
    {
        var engine = server.Engine;
        var key = Diagrams.NewKey("race-message");
        var message = $"reply-{Guid.NewGuid():N}";
        await engine.DeployAsync(Diagrams.Message(key, message));
        var instance = await engine.StartInstanceAsync(key, businessKey: key);

        var outcomes = await RaceAsync(Enumerable.Range(0, Racers).Select(i => (Func<Task<int>>)(async () =>
            (await engine.CorrelateMessageAsync(message, businessKey: key, variables: new Dictionary<string, object?> { ["racer"] = i })).Count)));

        Assert.Equal(1, outcomes.Sum());
        var history = await engine.Queries.GetHistoryAsync(instance.Id);
        Assert.Single(history, e => e.Type == HistoryEventType.MessageCorrelated);
        Assert.Single(history, e => e.Type == HistoryEventType.InstanceCompleted);
        Assert.Equal(InstanceState.Completed, (await engine.Queries.FindInstanceAsync(instance.Id))!.State);
    }

    [Fact]
    public async Task A_message_and_a_due_timer_racing_on_one_event_gateway_take_exactly_one_path()
    {
        var engine = server.Engine;
        for (var round = 0; round < 10; round++)
        {
            var key = Diagrams.NewKey("race-gateway");
            var message = $"answer-{Guid.NewGuid():N}";
            await engine.DeployAsync(MessageOrTimeout(key, message));
            var instance = await engine.StartInstanceAsync(key, businessKey: key);
            // The timer is due at once (PT0S on the test clock): the job executor and the correlations race.
            var racers = Enumerable.Range(0, Racers / 2)
                .Select(_ => (Func<Task<int>>)(async () => (await engine.CorrelateMessageAsync(message, businessKey: key)).Count))
                .Append(() => engine.ExecuteDueJobsAsync($"race-{round}", 10))
                .Append(() => engine.ExecuteDueJobsAsync($"race-{round}-b", 10))
                .ToList();
            await RaceAsync(racers);
            // Whatever is still due (a timer that lost its job lock) runs now and must find nothing to do.
            await engine.ExecuteDueJobsAsync("after-race", 10);

            var history = await engine.Queries.GetHistoryAsync(instance.Id);
            var paths = history.Count(e => e.Type is HistoryEventType.MessageCorrelated or HistoryEventType.TimerFired);
            Assert.True(paths == 1, $"Round {round}: {paths} of message and timer went through: {string.Join(", ", history.Select(h => $"{h.Type}@{h.ElementId}"))}");
            var view = (await engine.GetInstanceAsync(instance.Id))!;
            var active = Assert.Single(view.ActiveElementIds);
            Assert.Contains(active, new[] { "afterAnswer", "afterTimeout" });
            var tasks = await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id, State = null });
            Assert.Single(tasks.Items);
            Assert.Equal(0, await engine.ExecuteDueJobsAsync("after-check", 10));
        }
    }

    /// <summary>Runs the racers at once; a racer that lost (concurrency, nothing waiting any more) counts 0.</summary>
    private static async Task<IReadOnlyList<int>> RaceAsync(IEnumerable<Func<Task<int>>> racers)
    {
        using var starter = new ManualResetEventSlim();
        var running = racers.Select(racer => Task.Run(async () =>
        {
            starter.Wait();
            try
            {
                return await racer();
            }
            catch (Exception exception) when (exception is EngineConcurrencyException or TaskAlreadyCompletedException or WorkflowHub.Engine.NotFoundException or InvalidCommandException)
            {
                return 0;
            }
        })).ToList();
        starter.Set();
        return await Task.WhenAll(running);
    }

    /// <summary>start → event gateway → the message <paramref name="message"/> or a timer due at once → a user task on each path → end.</summary>
    private static string MessageOrTimeout(string key, string message) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_{key}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:message id="msg" name="{message}" />
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="toGateway" sourceRef="start" targetRef="gateway" />
            <bpmn:eventBasedGateway id="gateway" />
            <bpmn:sequenceFlow id="toAnswer" sourceRef="gateway" targetRef="answer" />
            <bpmn:intermediateCatchEvent id="answer"><bpmn:messageEventDefinition id="answerMessage" messageRef="msg" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="toAfterAnswer" sourceRef="answer" targetRef="afterAnswer" />
            <bpmn:userTask id="afterAnswer" camunda:candidateGroups="role:CommitteeOffice" />
            <bpmn:sequenceFlow id="toTimeout" sourceRef="gateway" targetRef="timeout" />
            <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition id="timeoutTimer"><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="toAfterTimeout" sourceRef="timeout" targetRef="afterTimeout" />
            <bpmn:userTask id="afterTimeout" camunda:candidateGroups="role:CommitteeOffice" />
            <bpmn:sequenceFlow id="toEndAnswer" sourceRef="afterAnswer" targetRef="endAnswer" />
            <bpmn:endEvent id="endAnswer" />
            <bpmn:sequenceFlow id="toEndTimeout" sourceRef="afterTimeout" targetRef="endTimeout" />
            <bpmn:endEvent id="endTimeout" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
