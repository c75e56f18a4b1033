using System.Globalization;
using System.Xml.Linq;
using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine.Parsing;

/// <summary>Reads one bpmn:process element (recursively through its sub-processes).</summary>
internal sealed class ProcessReader(XElement process, IReadOnlyDictionary<string, string> messages, IReadOnlyDictionary<string, string> errors)
{
    private static readonly HashSet<string> Ignored =
    [
        "laneSet", "lane", "textAnnotation", "association", "group", "dataObject", "dataObjectReference", "dataStoreReference",
        "documentation", "extensionElements", "property", "ioSpecification", "incoming", "outgoing", "category",
        "dataInputAssociation", "dataOutputAssociation", "ioBinding", "resourceRole", "performer", "humanPerformer",
        "potentialOwner", "auditing", "monitoring", "supports", "correlationSubscription", "dataInput", "dataOutput",
        "inputSet", "outputSet", "rendering",
    ];

    private readonly Dictionary<string, FlowNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SequenceFlow> _flows = new(StringComparer.Ordinal);
    private readonly List<ValidationIssue> _unsupported = [];
    private readonly List<ValidationIssue> _structural = [];
    private readonly List<ValidationIssue> _warnings = [];
    private readonly HashSet<string> _foreignAttributesWarned = [];

    public ProcessModel Read()
    {
        var id = (string?)process.Attribute("id") ?? "";
        if (id.Length == 0)
        {
            _structural.Add(new ValidationIssue(null, "A process has no id."));
        }

        var executable = string.Equals((string?)process.Attribute("isExecutable"), "true", StringComparison.OrdinalIgnoreCase);
        WarnAttributes(process, id, ExtensionAttributes.ExecutedOnProcess);
        var root = new FlowScope();
        ReadScope(process, root);
        Link();
        return new ProcessModel
        {
            Id = id,
            Name = (string?)process.Attribute("name"),
            IsExecutable = executable,
            RootScope = root,
            Nodes = _nodes,
            Flows = _flows,
            Unsupported = _unsupported,
            StructuralErrors = _structural,
            Warnings = _warnings,
        };
    }

    private void ReadScope(XElement container, FlowScope scope)
    {
        foreach (var element in container.Elements())
        {
            if (element.Name.NamespaceName != BpmnNamespaces.Model)
            {
                continue;
            }

            var localName = element.Name.LocalName;
            if (localName == "sequenceFlow")
            {
                ReadFlow(element);
            }
            else if (Ignored.Contains(localName) || localName is "multiInstanceLoopCharacteristics" or "standardLoopCharacteristics")
            {
                continue;
            }
            else
            {
                var node = ReadNode(element);
                if (node is null)
                {
                    continue;
                }

                if (!_nodes.TryAdd(node.Id, node))
                {
                    _structural.Add(new ValidationIssue(node.Id, "The id is used by more than one element."));
                    continue;
                }

                node.ParentScope = scope;
                scope.Add(node);
                if (node.Kind is NodeKind.SubProcess or NodeKind.EventSubProcess)
                {
                    var inner = new FlowScope { Owner = node };
                    node.Scope = inner;
                    ReadScope(element, inner);
                }
            }
        }
    }

    private void ReadFlow(XElement element)
    {
        var id = (string?)element.Attribute("id") ?? "";
        var source = (string?)element.Attribute("sourceRef") ?? "";
        var target = (string?)element.Attribute("targetRef") ?? "";
        string? condition = null;
        var conditionElement = element.Element(XName.Get("conditionExpression", BpmnNamespaces.Model));
        if (conditionElement is not null)
        {
            condition = NormalizeCondition(id, conditionElement.Value.Trim(), (string?)conditionElement.Attribute("language"));
        }

        if (id.Length == 0)
        {
            _structural.Add(new ValidationIssue(null, $"A sequence flow from '{source}' to '{target}' has no id."));
            return;
        }

        WarnAttributes(element, id, ExtensionAttributes.ExecutedOnProcess);
        if (!_flows.TryAdd(id, new SequenceFlow { Id = id, Name = (string?)element.Attribute("name"), SourceId = source, TargetId = target, Condition = condition }))
        {
            _structural.Add(new ValidationIssue(id, "The id is used by more than one sequence flow."));
        }
    }

    /// <summary>
    /// ${...} and plain JavaScript conditions are kept; FEEL (Zeebe's "= x", a FEEL language attribute) and XPath-style
    /// conditions from other modelers are translated when they are simple enough, otherwise named as unsupported.
    /// </summary>
    private string? NormalizeCondition(string flowId, string condition, string? language)
    {
        if (condition.Length == 0)
        {
            return null;
        }

        var foreign = condition.StartsWith('=') || (language is not null && !ExpressionLanguages.IsJavaScript(language));
        if (!foreign && (ExpressionText.ContainsExpression(condition) || ParsesAsJavaScript(condition)))
        {
            return condition;
        }

        var translated = FeelTranslator.TryTranslate(condition);
        if (translated is not null && ParsesAsJavaScript(translated))
        {
            _warnings.Add(new ValidationIssue(flowId, $"The condition '{condition}'{(language is null ? "" : $" ({language})")} is run as the JavaScript '{translated.Trim()}'."));
            return translated;
        }

        _unsupported.Add(new ValidationIssue(flowId, $"The condition '{condition}'{(language is null ? "" : $" in language '{language}'")} is not supported; write ${{...}} JavaScript conditions."));
        return condition;
    }

    private static bool ParsesAsJavaScript(string expression)
    {
        try
        {
            new ScriptCompiler().CompileExpression(expression);
            return true;
        }
        catch (ScriptFailedException)
        {
            return false;
        }
    }

    private FlowNode? ReadNode(XElement element)
    {
        var id = (string?)element.Attribute("id");
        var localName = element.Name.LocalName;
        if (string.IsNullOrEmpty(id))
        {
            _structural.Add(new ValidationIssue(null, $"A {localName} element has no id."));
            return null;
        }

        var attributes = new CamundaAttributes(element);
        var extensions = element.Element(XName.Get("extensionElements", BpmnNamespaces.Model));
        var kind = localName switch
        {
            "startEvent" => NodeKind.StartEvent,
            "endEvent" => NodeKind.EndEvent,
            "intermediateCatchEvent" => NodeKind.IntermediateCatchEvent,
            "intermediateThrowEvent" => NodeKind.IntermediateThrowEvent,
            "boundaryEvent" => NodeKind.BoundaryEvent,
            "userTask" => NodeKind.UserTask,
            "serviceTask" => NodeKind.ServiceTask,
            "sendTask" => NodeKind.SendTask,
            "businessRuleTask" => NodeKind.BusinessRuleTask,
            "scriptTask" => NodeKind.ScriptTask,
            "receiveTask" => NodeKind.ReceiveTask,
            "exclusiveGateway" => NodeKind.ExclusiveGateway,
            "parallelGateway" => NodeKind.ParallelGateway,
            "inclusiveGateway" => NodeKind.InclusiveGateway,
            "eventBasedGateway" => NodeKind.EventBasedGateway,
            "subProcess" when string.Equals((string?)element.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase) => NodeKind.EventSubProcess,
            "subProcess" => NodeKind.SubProcess,
            "callActivity" => NodeKind.CallActivity,
            _ => NodeKind.Unsupported,
        };

        if (kind == NodeKind.Unsupported)
        {
            _unsupported.Add(new ValidationIssue(id, $"The element '{localName}' is not supported by the engine."));
        }

        var eventDefinition = ReadEventDefinition(element, id, kind);
        CheckEventDefinition(id, localName, kind, eventDefinition, element);
        if (element.Element(XName.Get("standardLoopCharacteristics", BpmnNamespaces.Model)) is not null)
        {
            _unsupported.Add(new ValidationIssue(id, "standardLoopCharacteristics (loops) are not supported; use multiInstanceLoopCharacteristics."));
        }

        var node = new FlowNode
        {
            Id = id,
            Name = (string?)element.Attribute("name"),
            Kind = kind,
            ElementType = localName,
            DefaultFlowId = (string?)element.Attribute("default"),
            Event = eventDefinition,
            AttachedToId = (string?)element.Attribute("attachedToRef"),
            Interrupting = kind == NodeKind.BoundaryEvent
                ? !string.Equals((string?)element.Attribute("cancelActivity"), "false", StringComparison.OrdinalIgnoreCase)
                : !string.Equals((string?)element.Attribute("isInterrupting"), "false", StringComparison.OrdinalIgnoreCase),
            UserTask = kind == NodeKind.UserTask ? ReadUserTask(attributes) : null,
            Script = kind == NodeKind.ScriptTask ? ReadScript(element, id, attributes) : null,
            BusinessRule = kind == NodeKind.BusinessRuleTask ? ReadBusinessRule(element, id, attributes, extensions) : null,
            External = kind is NodeKind.ServiceTask or NodeKind.SendTask ? ReadExternal(element, id, attributes, extensions)
                : kind is NodeKind.EndEvent or NodeKind.IntermediateThrowEvent && eventDefinition?.Kind == EventKind.Message ? ReadMessageThrow(element, id, attributes, extensions)
                : null,
            Call = kind == NodeKind.CallActivity ? ReadCall(element, id, attributes, extensions) : null,
            MultiInstance = ReadMultiInstance(element, id),
            Async = ReadAsync(attributes, extensions),
            Initiator = kind == NodeKind.StartEvent ? attributes["initiator"] : null,
            Documentation = element.Element(XName.Get("documentation", BpmnNamespaces.Model))?.Value,
        };

        if (kind == NodeKind.ReceiveTask)
        {
            var messageRef = (string?)element.Attribute("messageRef");
            if (messageRef is null)
            {
                _unsupported.Add(new ValidationIssue(id, "A receive task needs a messageRef naming the message it waits for."));
            }
        }

        WarnAttributes(element, id, ExtensionAttributes.ExecutedOn(kind));
        WarnExtensionElements(extensions, id);
        return node;
    }

    private EventDefinition? ReadEventDefinition(XElement element, string id, NodeKind kind)
    {
        if (kind == NodeKind.ReceiveTask)
        {
            var messageRef = (string?)element.Attribute("messageRef");
            return messageRef is null ? null : new EventDefinition(EventKind.Message, MessageName: ResolveMessage(messageRef));
        }

        var definitions = element.Elements()
            .Where(e => e.Name.NamespaceName == BpmnNamespaces.Model && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
            .ToList();
        if (definitions.Count == 0)
        {
            return element.Element(XName.Get("eventDefinitionRef", BpmnNamespaces.Model)) is not null
                ? new EventDefinition(EventKind.Unsupported, UnsupportedName: "eventDefinitionRef")
                : null;
        }

        if (definitions.Count > 1)
        {
            return new EventDefinition(EventKind.Unsupported, UnsupportedName: "multiple event definitions");
        }

        var definition = definitions[0];
        switch (definition.Name.LocalName)
        {
            case "messageEventDefinition":
                var messageRef = (string?)definition.Attribute("messageRef");
                if (messageRef is null && kind is not (NodeKind.EndEvent or NodeKind.IntermediateThrowEvent))
                {
                    _unsupported.Add(new ValidationIssue(id, "The message event definition has no messageRef."));
                }

                return new EventDefinition(EventKind.Message, MessageName: messageRef is null ? null : ResolveMessage(messageRef));
            case "errorEventDefinition":
                var errorRef = (string?)definition.Attribute("errorRef");
                return new EventDefinition(EventKind.Error, ErrorCode: errorRef is null ? null : errors.GetValueOrDefault(errorRef, errorRef));
            case "terminateEventDefinition":
                return new EventDefinition(EventKind.Terminate);
            case "timerEventDefinition":
                return new EventDefinition(EventKind.Timer, Timer: ReadTimer(definition, id));
            default:
                return new EventDefinition(EventKind.Unsupported, UnsupportedName: definition.Name.LocalName);
        }
    }

    private string ResolveMessage(string messageRef) => messages.GetValueOrDefault(messageRef, messageRef);

    private TimerDefinition? ReadTimer(XElement definition, string id)
    {
        foreach (var (name, kind) in new[] { ("timeDate", TimerKind.Date), ("timeDuration", TimerKind.Duration), ("timeCycle", TimerKind.Cycle) })
        {
            var child = definition.Element(XName.Get(name, BpmnNamespaces.Model));
            if (child is not null)
            {
                return new TimerDefinition(kind, child.Value.Trim());
            }
        }

        _unsupported.Add(new ValidationIssue(id, "The timer event definition has no timeDate, timeDuration or timeCycle."));
        return null;
    }

    private void CheckEventDefinition(string id, string localName, NodeKind kind, EventDefinition? definition, XElement element)
    {
        var eventKind = definition?.Kind ?? EventKind.None;
        if (eventKind == EventKind.Unsupported)
        {
            _unsupported.Add(new ValidationIssue(id, $"The event definition '{definition!.UnsupportedName}' on {localName} is not supported."));
            return;
        }

        var inEventSubProcess = element.Parent is { } parent && parent.Name.LocalName == "subProcess"
            && string.Equals((string?)parent.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase);
        var allowed = kind switch
        {
            NodeKind.StartEvent when inEventSubProcess => eventKind is EventKind.Message or EventKind.Timer or EventKind.Error,
            NodeKind.StartEvent => eventKind is EventKind.None or EventKind.Message or EventKind.Timer,
            NodeKind.EndEvent => eventKind is EventKind.None or EventKind.Terminate or EventKind.Error or EventKind.Message,
            NodeKind.IntermediateCatchEvent => eventKind is EventKind.Message or EventKind.Timer,
            NodeKind.IntermediateThrowEvent => eventKind is EventKind.None or EventKind.Message,
            NodeKind.BoundaryEvent => eventKind is EventKind.Message or EventKind.Timer or EventKind.Error,
            _ => true,
        };
        if (!allowed)
        {
            var what = eventKind == EventKind.None ? "none" : eventKind.ToString().ToLowerInvariant();
            var where = kind == NodeKind.StartEvent && inEventSubProcess ? "startEvent of an event sub-process" : localName;
            _unsupported.Add(new ValidationIssue(id, $"A {what} {where} is not supported."));
        }
    }

    private static UserTaskSettings ReadUserTask(CamundaAttributes a) =>
        new(a["assignee"], a["candidateUsers"], a["candidateGroups"], a["dueDate"], a["followUpDate"], a["priority"], a["formKey"]);

    private ScriptSettings? ReadScript(XElement element, string id, CamundaAttributes a)
    {
        var format = (string?)element.Attribute("scriptFormat") ?? "";
        var body = element.Element(XName.Get("script", BpmnNamespaces.Model))?.Value;
        if (!ExpressionLanguages.IsJavaScript(format))
        {
            _unsupported.Add(new ValidationIssue(id, $"The script format '{format}' is not supported; use scriptFormat=\"javascript\"."));
            return null;
        }

        if (a["resource"] is not null)
        {
            _unsupported.Add(new ValidationIssue(id, "External script resources (camunda:resource) are not supported; put the script inline."));
            return null;
        }

        return new ScriptSettings(format, body ?? "", a["resultVariable"]);
    }

    private BusinessRuleSettings? ReadBusinessRule(XElement element, string id, CamundaAttributes a, XElement? extensions)
    {
        if (a["decisionRef"] is { } decisionRef)
        {
            return new BusinessRuleSettings(decisionRef, a["resultVariable"]);
        }

        var calledDecision = extensions?.Element(XName.Get("calledDecision", BpmnNamespaces.Zeebe));
        if ((string?)calledDecision?.Attribute("decisionId") is { } decisionId)
        {
            return new BusinessRuleSettings(decisionId, (string?)calledDecision.Attribute("resultVariable"));
        }

        var taskType = (string?)extensions?.Element(XName.Get("taskDefinition", BpmnNamespaces.Zeebe))?.Attribute("type")
            ?? ImplementationName(element);
        if (taskType is not null)
        {
            _warnings.Add(new ValidationIssue(id, $"No camunda:decisionRef; the rule set '{taskType}' is evaluated instead."));
            return new BusinessRuleSettings(taskType, a["resultVariable"]);
        }

        _unsupported.Add(new ValidationIssue(id, "A business rule task needs camunda:decisionRef naming the rule set to evaluate."));
        return null;
    }

    private ExternalTaskSettings? ReadExternal(XElement element, string id, CamundaAttributes a, XElement? extensions)
    {
        if (string.Equals(a["type"], "external", StringComparison.OrdinalIgnoreCase))
        {
            if (a["topic"] is { Length: > 0 } topic)
            {
                return new ExternalTaskSettings(topic);
            }

            _unsupported.Add(new ValidationIssue(id, "camunda:type=\"external\" needs a camunda:topic."));
            return null;
        }

        // Other tools name the implementation differently: bind it to the handler registered under that name.
        var alternative = (string?)extensions?.Element(XName.Get("taskDefinition", BpmnNamespaces.Zeebe))?.Attribute("type")
            ?? ExpressionName(a["delegateExpression"]) ?? ExpressionName(a["expression"]) ?? a["class"] ?? ImplementationName(element);
        if (alternative is not null)
        {
            _warnings.Add(new ValidationIssue(id, $"No camunda:type=\"external\"; executed as an external task with topic '{alternative}'."));
            return new ExternalTaskSettings(alternative);
        }

        _unsupported.Add(new ValidationIssue(id, $"A {element.Name.LocalName} needs camunda:type=\"external\" and camunda:topic."));
        return null;
    }

    /// <summary>
    /// A message end or throw event sends its message through an external task, as in Camunda 7
    /// (camunda:type="external" + camunda:topic on the event or its messageEventDefinition) or Zeebe (zeebe:taskDefinition).
    /// </summary>
    private ExternalTaskSettings? ReadMessageThrow(XElement element, string id, CamundaAttributes a, XElement? extensions)
    {
        var definition = element.Element(XName.Get("messageEventDefinition", BpmnNamespaces.Model))!;
        var onDefinition = new CamundaAttributes(definition);
        foreach (var attributes in new[] { a, onDefinition })
        {
            if (string.Equals(attributes["type"], "external", StringComparison.OrdinalIgnoreCase) && attributes["topic"] is { Length: > 0 } topic)
            {
                return new ExternalTaskSettings(topic);
            }
        }

        if ((string?)extensions?.Element(XName.Get("taskDefinition", BpmnNamespaces.Zeebe))?.Attribute("type") is { Length: > 0 } type)
        {
            _warnings.Add(new ValidationIssue(id, $"The message is sent by an external task with topic '{type}'."));
            return new ExternalTaskSettings(type);
        }

        _unsupported.Add(new ValidationIssue(id, $"A message {element.Name.LocalName} needs camunda:type=\"external\" and camunda:topic naming the handler that sends it."));
        return null;
    }

    private static string? ExpressionName(string? expression)
    {
        if (expression is null)
        {
            return null;
        }

        var body = ExpressionText.TryGetSingleBody(expression) ?? expression;
        return body.Trim();
    }

    private static string? ImplementationName(XElement element)
    {
        var implementation = (string?)element.Attribute("implementation");
        return implementation is null || implementation.StartsWith("##", StringComparison.Ordinal) ? null : implementation;
    }

    private CallActivitySettings? ReadCall(XElement element, string id, CamundaAttributes a, XElement? extensions)
    {
        var zeebe = extensions?.Element(XName.Get("calledElement", BpmnNamespaces.Zeebe));
        var called = (string?)element.Attribute("calledElement") ?? (string?)zeebe?.Attribute("processId");
        if (string.IsNullOrEmpty(called))
        {
            _unsupported.Add(new ValidationIssue(id, "A call activity needs calledElement."));
            return null;
        }

        var binding = a["calledElementBinding"]?.ToLowerInvariant() switch
        {
            null or "latest" => CalledElementBinding.Latest,
            "version" => CalledElementBinding.Version,
            "deployment" => CalledElementBinding.Deployment,
            var other => Unsupported(other),
        };
        int? version = null;
        if (binding == CalledElementBinding.Version)
        {
            if (int.TryParse(a["calledElementVersion"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            {
                version = v;
            }
            else
            {
                _unsupported.Add(new ValidationIssue(id, "calledElementBinding=\"version\" needs an integer camunda:calledElementVersion."));
            }
        }

        var inputs = ReadMappings(extensions, "in");
        var outputs = ReadMappings(extensions, "out");
        if (zeebe is not null && inputs.Count == 0 && outputs.Count == 0)
        {
            inputs = [new VariableMapping(null, null, null, true, false, false)];
            if (!string.Equals((string?)zeebe.Attribute("propagateAllChildVariables"), "false", StringComparison.OrdinalIgnoreCase))
            {
                outputs = [new VariableMapping(null, null, null, true, false, false)];
            }
        }

        return new CallActivitySettings(called, binding, version, inputs, outputs);

        CalledElementBinding Unsupported(string other)
        {
            _unsupported.Add(new ValidationIssue(id, $"calledElementBinding '{other}' is not supported (use latest or version)."));
            return CalledElementBinding.Latest;
        }
    }

    private static List<VariableMapping> ReadMappings(XElement? extensions, string localName)
    {
        if (extensions is null)
        {
            return [];
        }

        return extensions.Elements()
            .Where(e => BpmnNamespaces.IsCamunda(e.Name.NamespaceName) && e.Name.LocalName == localName)
            .Select(e => new VariableMapping(
                (string?)e.Attribute("source"),
                (string?)e.Attribute("sourceExpression") ?? (string?)e.Attribute("businessKey"),
                (string?)e.Attribute("target"),
                string.Equals((string?)e.Attribute("variables"), "all", StringComparison.OrdinalIgnoreCase),
                e.Attribute("businessKey") is not null,
                string.Equals((string?)e.Attribute("local"), "true", StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    private MultiInstanceSettings? ReadMultiInstance(XElement element, string id)
    {
        var mi = element.Element(XName.Get("multiInstanceLoopCharacteristics", BpmnNamespaces.Model));
        if (mi is null)
        {
            return null;
        }

        var a = new CamundaAttributes(mi);
        var zeebe = mi.Element(XName.Get("extensionElements", BpmnNamespaces.Model))?.Element(XName.Get("loopCharacteristics", BpmnNamespaces.Zeebe));
        var collection = a["collection"];
        var elementVariable = a["elementVariable"];
        if (collection is null && (string?)zeebe?.Attribute("inputCollection") is { } zeebeCollection)
        {
            collection = zeebeCollection.TrimStart().StartsWith('=') ? "${" + (FeelTranslator.TryTranslate(zeebeCollection) ?? zeebeCollection.TrimStart()[1..]).Trim() + "}" : zeebeCollection;
            elementVariable = (string?)zeebe.Attribute("inputElement");
        }

        var cardinality = mi.Element(XName.Get("loopCardinality", BpmnNamespaces.Model))?.Value.Trim();
        var completion = mi.Element(XName.Get("completionCondition", BpmnNamespaces.Model))?.Value.Trim();
        if (collection is null && string.IsNullOrEmpty(cardinality))
        {
            _unsupported.Add(new ValidationIssue(id, "A multi-instance activity needs camunda:collection or loopCardinality."));
        }

        WarnAttributes(mi, id, ExtensionAttributes.ExecutedOnMultiInstance);
        return new MultiInstanceSettings(
            string.Equals((string?)mi.Attribute("isSequential"), "true", StringComparison.OrdinalIgnoreCase),
            collection,
            elementVariable,
            string.IsNullOrEmpty(cardinality) ? null : cardinality,
            string.IsNullOrEmpty(completion) ? null : completion);
    }

    private static AsyncSettings ReadAsync(CamundaAttributes a, XElement? extensions)
    {
        var before = IsTrue(a["asyncBefore"]) || IsTrue(a["async"]);
        var after = IsTrue(a["asyncAfter"]);
        var exclusive = !string.Equals(a["exclusive"], "false", StringComparison.OrdinalIgnoreCase);
        var priority = int.TryParse(a["jobPriority"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var retry = extensions?.Elements().FirstOrDefault(e => BpmnNamespaces.IsCamunda(e.Name.NamespaceName) && e.Name.LocalName == "failedJobRetryTimeCycle")?.Value.Trim();
        if (!before && !after && priority == 0 && exclusive && string.IsNullOrEmpty(retry))
        {
            return AsyncSettings.None;
        }

        return new AsyncSettings(before, after, exclusive, priority, string.IsNullOrEmpty(retry) ? AsyncSettings.DefaultRetryTimeCycle : retry);
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private void WarnAttributes(XElement element, string id, IReadOnlySet<string> executed)
    {
        foreach (var attribute in element.Attributes())
        {
            var ns = attribute.Name.NamespaceName;
            if (ns.Length == 0 || attribute.IsNamespaceDeclaration || ns == BpmnNamespaces.Xsi)
            {
                continue;
            }

            if (BpmnNamespaces.IsCamunda(ns))
            {
                if (!executed.Contains(attribute.Name.LocalName))
                {
                    _warnings.Add(new ValidationIssue(id, $"The extension attribute camunda:{attribute.Name.LocalName} is kept but not executed."));
                }
            }
            else if (_foreignAttributesWarned.Add(attribute.Name.ToString()))
            {
                _warnings.Add(new ValidationIssue(id, $"The extension attribute {attribute.Name.LocalName} ({ns}) is kept but not executed."));
            }
        }
    }

    private void WarnExtensionElements(XElement? extensions, string id)
    {
        if (extensions is null)
        {
            return;
        }

        foreach (var child in extensions.Elements())
        {
            var ns = child.Name.NamespaceName;
            var name = child.Name.LocalName;
            if (BpmnNamespaces.IsCamunda(ns) && name is not ("in" or "out" or "failedJobRetryTimeCycle"))
            {
                _warnings.Add(new ValidationIssue(id, $"The extension element camunda:{name} is kept but not executed."));
            }
        }
    }

    private void Link()
    {
        foreach (var flow in _flows.Values)
        {
            var ok = true;
            if (!_nodes.TryGetValue(flow.SourceId, out var source))
            {
                _structural.Add(new ValidationIssue(flow.Id, $"The sequence flow starts at '{flow.SourceId}', which is not an element of this process."));
                ok = false;
            }

            if (!_nodes.TryGetValue(flow.TargetId, out var target))
            {
                _structural.Add(new ValidationIssue(flow.Id, $"The sequence flow ends at '{flow.TargetId}', which is not an element of this process."));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (source!.ParentScope != target!.ParentScope)
            {
                _structural.Add(new ValidationIssue(flow.Id, "The sequence flow crosses a sub-process boundary."));
                continue;
            }

            flow.Source = source;
            flow.Target = target;
            source.AddOutgoing(flow);
            target.AddIncoming(flow);
        }

        foreach (var node in _nodes.Values.Where(n => n.Kind == NodeKind.BoundaryEvent))
        {
            if (node.AttachedToId is null || !_nodes.TryGetValue(node.AttachedToId, out var host) || !host.IsActivity)
            {
                _structural.Add(new ValidationIssue(node.Id, $"The boundary event is attached to '{node.AttachedToId}', which is not an activity of this process."));
                continue;
            }

            node.AttachedTo = host;
            host.AddBoundaryEvent(node);
        }
    }
}
