using System.Xml.Linq;
using WorkflowHub.Engine.Model;

namespace WorkflowHub.Engine.Parsing;

/// <summary>
/// Parses BPMN 2.0 XML into immutable <see cref="ProcessModel"/> graphs. Every process is read, executable or not;
/// whatever has execution meaning but is outside the dialect is recorded in <see cref="ProcessModel.Unsupported"/>
/// so the validator can name it.
/// </summary>
public sealed class BpmnParser(BpmnParserOptions? options = null)
{
    private readonly BpmnParserOptions _options = options ?? new BpmnParserOptions();

    /// <exception cref="BpmnParseException">The XML is malformed, hostile, too large, too deep, or not BPMN.</exception>
    public BpmnDocument Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var document = SafeXmlLoader.Load(xml, _options);
        var root = document.Root;
        if (root is null || root.Name.LocalName != "definitions" || root.Name.NamespaceName != BpmnNamespaces.Model)
        {
            throw new BpmnParseException($"The root element must be bpmn:definitions in namespace {BpmnNamespaces.Model}.");
        }

        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.Elements())
        {
            if (element.Name.NamespaceName != BpmnNamespaces.Model)
            {
                continue;
            }

            var id = (string?)element.Attribute("id");
            if (id is null)
            {
                continue;
            }

            if (element.Name.LocalName == "message")
            {
                messages[id] = (string?)element.Attribute("name") ?? id;
            }
            else if (element.Name.LocalName == "error")
            {
                errors[id] = (string?)element.Attribute("errorCode") ?? (string?)element.Attribute("name") ?? id;
            }
        }

        var processes = root.Elements(XName.Get("process", BpmnNamespaces.Model))
            .Select(p => new ProcessReader(p, messages, errors).Read())
            .ToList();
        var warnings = new List<ValidationIssue>();
        if (processes.Count == 0)
        {
            warnings.Add(new ValidationIssue(null, "The document defines no process."));
        }

        return new BpmnDocument { Processes = processes, Warnings = warnings };
    }
}
