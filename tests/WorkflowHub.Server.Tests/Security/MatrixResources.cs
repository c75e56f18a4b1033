using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Server.Tests.Hazards;
using WorkflowHub.Server.Tests.Workflows;

namespace WorkflowHub.Server.Tests.Security;

/// <summary>
/// The resources the access-control matrix points its id routes at: for each demo user one of their own org unit
/// (or their own task) and one of another unit. Hazards: the fire-safety hazard is the fire department's, in the demo
/// district and of the demo enterprise; the chemicals hazard is the emergency department's, in another district.
/// Tasks: one per user offered to that user, one offered to the fire and one to the emergency department.
/// </summary>
public sealed class MatrixResources
{
    public const string DefinitionKey = "hazard-rectification";
    public const string OrgUnitCode = "city-fire-rescue";
    public const string FormName = "hazard-grading.form";

    private readonly Dictionary<string, Guid> ownTaskByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Guid> instanceByTask = [];

    private MatrixResources()
    {
    }

    public required (Guid Hazard, Guid Evidence) FireHazard { get; init; }
    public required (Guid Hazard, Guid Evidence) ChemicalsHazard { get; init; }
    public required Guid FireTask { get; init; }
    public required Guid EmergencyTask { get; init; }
    public required Guid MeasureId { get; init; }
    public required string TargetCode { get; init; }

    public static async Task<MatrixResources> CreateAsync(SecurityServer server)
    {
        var office = await server.ClientAsync("office");
        var admin = await server.ClientAsync("admin");
        var fireHazard = await HazardWithEvidenceAsync(office, HazardApi.ReportAsync(office, "矩阵测试：消防通道堵塞", HazardApi.FireArea));
        var chemicalsHazard = await HazardWithEvidenceAsync(office, HazardApi.ReportAsync(office, "矩阵测试：危化品超量储存", HazardApi.ChemicalsArea, districtCode: "district-daoli", enterprise: null));

        var key = Diagrams.NewKey("matrix");
        await WorkflowApi.DeployAsync(admin, OwnedTask(key));
        var instanceByOwner = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (owner, group) in SecurityServer.DemoUsers.Select(u => (u, "")).Append(("", "city-fire-rescue")).Append(("", "city-emergency")))
        {
            var instance = await WorkflowApi.StartAsync(office, key, new { owner, group });
            instanceByOwner[owner.Length > 0 ? owner : group] = instance.GetProperty("id").GetGuid();
        }

        var page = await WorkflowApi.GetJsonAsync(admin, $"/api/tasks?all=true&definitionKey={key}&take=100");
        var taskByInstance = page.GetProperty("items").EnumerateArray()
            .ToDictionary(t => t.GetProperty("instanceId").GetGuid(), t => t.GetProperty("id").GetGuid());
        var tasks = instanceByOwner.ToDictionary(p => p.Key, p => taskByInstance[p.Value], StringComparer.Ordinal);
        var instances = instanceByOwner.Values.ToDictionary(i => taskByInstance[i], i => i);

        var measure = await office.PostAsJsonAsync("/api/measures", new
        {
            title = "矩阵测试：消防安全责任制",
            content = "建立健全消防安全责任制度。",
            areaCode = HazardApi.FireArea,
            timetable = "2020-10-31",
        });
        Assert.Equal(HttpStatusCode.Created, measure.StatusCode);
        var targets = await WorkflowApi.GetJsonAsync(office, "/api/targets");

        var resources = new MatrixResources
        {
            FireHazard = fireHazard,
            ChemicalsHazard = chemicalsHazard,
            FireTask = tasks["city-fire-rescue"],
            EmergencyTask = tasks["city-emergency"],
            MeasureId = (await measure.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            TargetCode = targets.EnumerateArray().First().GetProperty("code").GetString()!,
        };
        foreach (var user in SecurityServer.DemoUsers)
        {
            resources.ownTaskByUser[user] = tasks[user];
        }

        foreach (var (task, instance) in instances)
        {
            resources.instanceByTask[task] = instance;
        }

        return resources;
    }

    /// <summary>The hazard of the caller's own unit (for those who see all: the fire hazard) or of another unit.</summary>
    public (Guid Hazard, Guid Evidence) Hazard(string? user, bool own) =>
        (user == "emergency-officer") == own ? ChemicalsHazard : FireHazard;

    /// <summary>The caller's own task (offered to them by name) or one offered to another unit.</summary>
    public Guid Task(string? user, bool own) =>
        own ? ownTaskByUser[user ?? "admin"] : user == "emergency-officer" ? FireTask : EmergencyTask;

    public Guid Instance(string? user, bool own) => instanceByTask[Task(user, own)];

    private static async Task<(Guid Hazard, Guid Evidence)> HazardWithEvidenceAsync(HttpClient office, Task<JsonElement> report)
    {
        var hazard = (await report).GetProperty("id").GetGuid();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(HostileFiles.TinyPng);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "现场照片.png");
        var response = await office.PostAsync($"/api/hazards/{hazard}/evidence", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Evidence upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (hazard, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    /// <summary>One user task offered to the user named in <c>owner</c> and the group named in <c>group</c>, with the grading form.</summary>
    private static string OwnedTask(string key) =>
        $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_{{key}}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{{key}}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="toReview" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateUsers="${owner}" camunda:candidateGroups="${group}" camunda:formKey="camunda-forms:deployment:hazard-grading.form" />
            <bpmn:sequenceFlow id="toEnd" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
