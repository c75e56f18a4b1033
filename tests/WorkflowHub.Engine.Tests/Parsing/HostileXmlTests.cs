using System.Text;
using WorkflowHub.Engine.Parsing;
using WorkflowHub.Engine.Tests.Support;

namespace WorkflowHub.Engine.Tests.Parsing;

public class HostileXmlTests
{
    private const string Definitions = """<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">""";

    public static TheoryData<string, string> Hostile => new()
    {
        { $"""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>{Definitions}<bpmn:process id="p" name="&xxe;" /></bpmn:definitions>""", "DTD" },
        { $"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>{Definitions}<bpmn:process id="p" name="&lol3;" /></bpmn:definitions>""", "DTD" },
        { $"""{Definitions}<bpmn:process id="p"><bpmn:startEvent id="s"></bpmn:process></bpmn:definitions>""", "well-formed" },
        { """<other xmlns="urn:x" />""", "bpmn:definitions" },
        { $"""{Definitions}{string.Concat(Enumerable.Repeat("<bpmn:extensionElements>", 100))}{string.Concat(Enumerable.Repeat("</bpmn:extensionElements>", 100))}</bpmn:definitions>""", "deeper" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_or_malformed_xml_is_refused_with_a_clear_error_and_nothing_is_stored(string xml, string reason)
    {
        var parse = Assert.Throws<BpmnParseException>(() => new BpmnParser().Parse(xml));
        Assert.Contains(reason, parse.Message);

        var h = new EngineHarness();
        var deploy = await Assert.ThrowsAsync<BpmnValidationException>(() => h.Engine.DeployAsync(xml));
        Assert.Contains(deploy.Errors, e => e.Message.Contains(reason));
        Assert.Empty(await h.Store.ListDefinitionsAsync());
    }

    [Fact]
    public void Oversize_documents_are_refused()
    {
        var xml = new StringBuilder(Bpmn.Process("<bpmn:startEvent id=\"s\" />")).Append(new string(' ', 6 * 1024 * 1024)).ToString();
        var error = Assert.Throws<BpmnParseException>(() => new BpmnParser().Parse(xml));
        Assert.Contains("limit", error.Message);
        Assert.Throws<BpmnParseException>(() => new BpmnParser(new BpmnParserOptions { MaxCharacters = 1000 }).Parse(Bpmn.Process(new string(' ', 2000))));
    }
}
