import { pageLanguage } from '../shared/i18n';

/**
 * An executable process with one start event: bpmn-js's own blank diagram is not executable,
 * which our engine would refuse to deploy.
 */
export function newDiagramXml(): string {
  const suffix = Math.random().toString(36).slice(2, 9);
  const startName = pageLanguage() === 'en' ? 'Start' : '开始';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${suffix}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_${suffix}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="${startName}" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_${suffix}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
