using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Server.Tests.Hazards;
using WorkflowHub.Server.Tests.Infrastructure;
using WorkflowHub.Server.Tests.Workflows;

namespace WorkflowHub.Server.Tests.Security;

/// <summary>
/// Hostile input through real HTTP: each is refused with a 4xx problem (or, for scripts, contained in an incident),
/// nothing is stored, nothing hangs, and the server stays healthy.
/// </summary>
[Collection(SecurityServerCollection.Name)]
public sealed class HostileInputTests(SecurityServer server)
{
    private const int ApiBodyLimit = 1024 * 1024;

    public static TheoryData<string, string> HostileDiagrams() => new()
    {
        { "external-entity", Diagrams.ExternalEntity("xxe-{0}") },
        { "billion-laughs", BillionLaughs("laughs-{0}") },
        { "deep-nesting", DeeplyNested("nested-{0}", depth: 5_000) },
        { "not-xml", "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"{0}\">" },
        { "parameter-entity", ParameterEntity("pe-{0}") },
    };

    [Theory]
    [MemberData(nameof(HostileDiagrams))]
    public async Task Hostile_bpmn_is_a_400_problem_and_nothing_is_deployed(string kind, string template)
    {
        var admin = await server.ClientAsync("admin");
        var key = $"{kind}-{Guid.NewGuid():N}";
        var before = await DefinitionCountAsync(admin);

        foreach (var path in new[] { "/api/definitions", "/api/definitions/validate" })
        {
            using var content = Diagrams.Xml(template.Replace("{0}", key, StringComparison.Ordinal));
            var response = await admin.PostAsync(path, content);
            if (path == "/api/definitions" || response.StatusCode != HttpStatusCode.OK)
            {
                var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
                Assert.DoesNotContain("root:", problem.ToString(), StringComparison.Ordinal);
            }
            else
            {
                // Validation reports the refusal as errors in a 200 answer.
                var report = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.NotEmpty(report.GetProperty("errors").EnumerateArray());
            }
        }

        Assert.Equal(before, await DefinitionCountAsync(admin));
        await ProblemAssertions.AssertProblemAsync(await admin.GetAsync($"/api/definitions/{key}"), HttpStatusCode.NotFound);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Bpmn_over_the_body_limit_is_413_and_nothing_is_deployed()
    {
        var admin = await server.ClientAsync("admin");
        var key = $"huge-{Guid.NewGuid():N}";
        var before = await DefinitionCountAsync(admin);
        var padding = new string('x', ApiBodyLimit + 1024);
        var xml = Diagrams.UserTask(key).Replace("<bpmn:startEvent id=\"start\" />", $"<bpmn:startEvent id=\"start\"><bpmn:documentation>{padding}</bpmn:documentation></bpmn:startEvent>", StringComparison.Ordinal);

        using var content = Diagrams.Xml(xml);
        var response = await admin.PostAsync("/api/definitions", content);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await DefinitionCountAsync(admin));
        await AssertHealthyAsync();
    }

    public static TheoryData<string, string> RunawayScripts() => new()
    {
        { "endless-loop", ScriptTask("while (true) { }") },
        { "endless-allocation", ScriptTask("var s = 'x'; var all = []; while (true) { s = s + s; all.push(s); }") },
        { "endless-array", ScriptTask("var a = []; for (;;) { a.push({ n: a.length, text: 'waste' }); }") },
        { "endless-recursion", ScriptTask("function f(n) { return f(n + 1) + 1; } f(0);") },
        { "clr-access", ScriptTask("var f = System.IO.File; f.ReadAllText('/etc/passwd');") },
        { "endless-condition", EndlessCondition() },
    };

    [Theory]
    [MemberData(nameof(RunawayScripts))]
    public async Task A_runaway_script_or_condition_becomes_an_incident_without_hanging_the_server(string kind, string template)
    {
        var admin = await server.ClientAsync("admin");
        var key = $"{kind}-{Guid.NewGuid():N}";
        await WorkflowApi.DeployAsync(admin, template.Replace("{0}", key, StringComparison.Ordinal));

        var clock = Stopwatch.StartNew();
        var start = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key });
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Starting took {clock.Elapsed}.");
        if (start.StatusCode == HttpStatusCode.Created)
        {
            var instance = await start.Content.ReadFromJsonAsync<JsonElement>();
            var details = await WorkflowApi.GetJsonAsync(admin, $"/api/instances/{instance.GetProperty("id").GetGuid()}");
            var incident = Assert.Single(details.GetProperty("incidents").EnumerateArray());
            Assert.Equal("work", incident.GetProperty("elementId").GetString());
            Assert.DoesNotContain("work", details.GetProperty("completedElementIds").EnumerateArray().Select(e => e.GetString()));
            Assert.DoesNotContain("root:", details.ToString(), StringComparison.Ordinal);
        }
        else
        {
            var problem = await ProblemAssertions.AssertProblemAsync(start, HttpStatusCode.BadRequest);
            Assert.DoesNotContain("root:", problem.ToString(), StringComparison.Ordinal);
        }

        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Json_bodies_and_variables_over_the_limit_or_too_deep_are_4xx_and_start_nothing()
    {
        var office = await server.ClientAsync("office");
        var admin = await server.ClientAsync("admin");
        var key = Diagrams.NewKey("variables");
        await WorkflowApi.DeployAsync(admin, Diagrams.UserTask(key));
        var before = await InstanceCountAsync(office, key);

        var huge = await office.PostAsJsonAsync("/api/instances", new { definitionKey = key, variables = new { note = new string('长', ApiBodyLimit) } });
        await ProblemAssertions.AssertProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge);

        var manyKeys = await office.PostAsync("/api/instances", Json($"{{\"definitionKey\":\"{key}\",\"variables\":{{{string.Join(',', Enumerable.Range(0, 80_000).Select(i => $"\"v{i}\":{i}"))}}}}}"));
        Assert.True(manyKeys.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"80,000 variables: {(int)manyKeys.StatusCode}");
        await ProblemAssertions.AssertProblemAsync(manyKeys, manyKeys.StatusCode);

        var deeper = await office.PostAsync("/api/instances", Json($"{{\"definitionKey\":\"{key}\",\"variables\":{{\"v\":{Nested(40)}}}}}"));
        await ProblemAssertions.AssertProblemAsync(deeper, HttpStatusCode.BadRequest);

        var deepest = await office.PostAsync("/api/instances", Json($"{{\"definitionKey\":\"{key}\",\"variables\":{{\"v\":{Nested(10_000)}}}}}"));
        await ProblemAssertions.AssertProblemAsync(deepest, HttpStatusCode.BadRequest);

        var notJson = await office.PostAsync("/api/instances", Json("{\"definitionKey\": "));
        await ProblemAssertions.AssertProblemAsync(notJson, HttpStatusCode.BadRequest);

        var hugeHazard = await office.PostAsync("/api/hazards", Json($"{{\"title\":\"{new string('a', ApiBodyLimit)}\"}}"));
        await ProblemAssertions.AssertProblemAsync(hugeHazard, HttpStatusCode.RequestEntityTooLarge);

        var hugeCompletion = await office.PostAsync($"/api/tasks/{Guid.NewGuid()}/complete", Json($"{{\"variables\":{{\"x\":\"{new string('a', ApiBodyLimit)}\"}}}}"));
        await ProblemAssertions.AssertProblemAsync(hugeCompletion, HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, await InstanceCountAsync(office, key));
        await AssertHealthyAsync();
    }

    public static TheoryData<string, byte[], string> RefusedUploads() => new()
    {
        { "an executable renamed .pdf", HostileFiles.Executable(), "report.pdf" },
        { "an executable renamed .png", HostileFiles.Executable(), "photo.png" },
        { "html renamed .jpg", "<html><script>alert(1)</script></html>"u8.ToArray(), "photo.jpg" },
        { "an svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "photo.svg" },
        { "an empty file", [], "empty.pdf" },
        { "a png over the size limit", [.. HostileFiles.TinyPng, .. new byte[SecurityServer.EvidenceLimitBytes]], "big.png" },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task Uploads_of_the_wrong_type_or_size_are_400_and_nothing_is_kept(string description, byte[] bytes, string fileName)
    {
        var office = await server.ClientAsync("office");
        var hazard = await HazardApi.ReportAsync(office, $"上传测试：{description}", HazardApi.FireArea);
        var hazardId = hazard.GetProperty("id").GetGuid();

        var response = await office.PostAsync($"/api/hazards/{hazardId}/evidence", Upload(bytes, fileName));

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty("file").EnumerateArray());
        Assert.Equal(0, await EvidenceCountAsync(hazardId));
        Assert.Empty(StoredFiles(hazardId));
        await AssertHealthyAsync();
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd.png")]
    [InlineData("..\\..\\x.pdf", "x.png")]
    [InlineData("/etc/cron.d/evil.png", "evil.png")]
    [InlineData("photo\0.exe", "photo_.png")]
    [InlineData("C:\\Windows\\system32\\drivers\\etc\\hosts", "hosts.png")]
    [InlineData("..", "evidence.png")]
    public async Task File_names_with_paths_or_nul_are_reduced_to_a_safe_name_inside_the_evidence_folder_or_refused(string uploaded, string stored)
    {
        var office = await server.ClientAsync("office");
        var hazard = await HazardApi.ReportAsync(office, "上传测试：路径文件名", HazardApi.FireArea);
        var hazardId = hazard.GetProperty("id").GetGuid();

        var response = await office.PostAsync($"/api/hazards/{hazardId}/evidence", Upload(HostileFiles.TinyPng, uploaded));

        if (response.StatusCode != HttpStatusCode.Created)
        {
            // A name the multipart parser itself refuses is fine too, as long as it is a problem and nothing is kept.
            var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.TryGetProperty("detail", out _) || problem.TryGetProperty("errors", out _), problem.ToString());
            Assert.Equal(0, await EvidenceCountAsync(hazardId));
            Assert.Empty(StoredFiles(hazardId));
            return;
        }

        var evidence = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(stored, evidence.GetProperty("fileName").GetString());
        // The bytes live only under the evidence folder, named by their hash.
        var file = Assert.Single(StoredFiles(hazardId));
        Assert.StartsWith(Path.GetFullPath(server.EvidenceFolder), Path.GetFullPath(file), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", Path.GetFileName(file));
        var download = await office.GetAsync($"/api/hazards/{hazardId}/evidence/{evidence.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("..", download.Content.Headers.ContentDisposition?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/hazards?district={0}")]
    [InlineData("/api/hazards?area={0}&unit={0}")]
    [InlineData("/api/tasks?definitionKey={0}&businessKey={0}")]
    [InlineData("/api/tasks?sort={0}")]
    [InlineData("/api/instances?definitionKey={0}&businessKey={0}")]
    [InlineData("/api/decisions?unit={0}&rule={0}&subjectId={0}")]
    [InlineData("/api/measures?area={0}&unit={0}")]
    [InlineData("/api/targets?area={0}&unit={0}")]
    public async Task Sql_looking_filters_are_400_or_match_nothing_never_500(string template)
    {
        var office = await server.ClientAsync("office");
        await HazardApi.ReportAsync(office, "注入测试：过滤条件", HazardApi.FireArea);
        var hazards = await server.WithDbAsync(db => db.Hazards.CountAsync());

        foreach (var value in new[] { "' OR 1=1 --", "\" OR \"\"=\"", "1; DROP TABLE Hazards; --", "%' OR '%'='", "x') UNION SELECT * FROM AspNetUsers --" })
        {
            var url = template.Replace("{0}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            var response = await office.GetAsync(url);

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
                continue;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var items = body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("items");
            Assert.True(items.GetArrayLength() == 0, $"{url} matched {items.GetArrayLength()} rows.");
        }

        Assert.Equal(hazards, await server.WithDbAsync(db => db.Hazards.CountAsync()));
        await AssertHealthyAsync();
    }

    private async Task AssertHealthyAsync()
    {
        var health = await server.AnonymousClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<int> DefinitionCountAsync(HttpClient admin) =>
        (await WorkflowApi.GetJsonAsync(admin, "/api/definitions")).GetArrayLength();

    private static async Task<int> InstanceCountAsync(HttpClient office, string key) =>
        (await WorkflowApi.GetJsonAsync(office, $"/api/instances?definitionKey={key}")).GetProperty("total").GetInt32();

    private Task<int> EvidenceCountAsync(Guid hazardId) =>
        server.WithDbAsync(db => db.Set<HazardEvidence>().CountAsync(e => e.HazardId == hazardId));

    private string[] StoredFiles(Guid hazardId)
    {
        var folder = Path.Combine(server.EvidenceFolder, hazardId.ToString("N"));
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    /// <summary>A multipart body written by hand, so the file name reaches the server exactly as given (also with NUL).</summary>
    private static ByteArrayContent Upload(byte[] bytes, string fileName)
    {
        const string boundary = "----hostile-boundary-7MA4YWxkTrZu0gW";
        var escaped = fileName.Replace("\"", "%22", StringComparison.Ordinal);
        var head = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{escaped}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        var tail = Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n");
        var content = new ByteArrayContent([.. head, .. bytes, .. tail]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    private static string BillionLaughs(string key) =>
        $"""
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_{key}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{key}" name="&lol9;" isExecutable="true">
            <bpmn:startEvent id="start" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string ParameterEntity(string key) =>
        $"""
        <?xml version="1.0"?>
        <!DOCTYPE data [ <!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote; ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_{key}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{key}" isExecutable="true"><bpmn:startEvent id="start" /></bpmn:process>
        </bpmn:definitions>
        """;

    private static string DeeplyNested(string key, int depth) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_{key}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:extensionElements>{string.Concat(Enumerable.Repeat("<n>", depth))}{string.Concat(Enumerable.Repeat("</n>", depth))}</bpmn:extensionElements></bpmn:startEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → the script task <c>work</c> running <paramref name="script"/> → a user task → end.</summary>
    private static string ScriptTask(string script) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_{"{0}"}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{"{0}"}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="toWork" sourceRef="start" targetRef="work" />
            <bpmn:scriptTask id="work" scriptFormat="javascript"><bpmn:script>{script}</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="toWait" sourceRef="work" targetRef="wait" />
            <bpmn:userTask id="wait" camunda:candidateGroups="role:CommitteeOffice" />
            <bpmn:sequenceFlow id="toEnd" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → the exclusive gateway <c>work</c> whose only condition never finishes → end.</summary>
    private static string EndlessCondition() =>
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_{0}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{0}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="toWork" sourceRef="start" targetRef="work" />
            <bpmn:exclusiveGateway id="work" />
            <bpmn:sequenceFlow id="loop" sourceRef="work" targetRef="end">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${(function () { var n = 0; while (true) { n++; } })()}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
