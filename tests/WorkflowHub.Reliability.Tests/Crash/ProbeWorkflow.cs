namespace WorkflowHub.Reliability.Tests.Crash;

/// <summary>
/// A small process whose timers fire within seconds, so timers fire (and get interrupted by kills) while the crash
/// test runs: a fork into a 1 s catch timer then a review task guarded by an interrupting 3 s boundary timer, and a
/// 2 s catch timer; both branches meet at a parallel join before the end.
/// </summary>
public static class ProbeWorkflow
{
    public const string Key = "crash-probe";
    public const string ReviewTask = "Task_Review";
    public const string EscalatedTask = "Task_Escalated";

    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="Definitions_CrashProbe" targetNamespace="http://workflowhub.local/crash-probe">
          <bpmn:process id="crash-probe" name="Crash probe" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_ToFork" sourceRef="Start" targetRef="Fork" />
            <bpmn:parallelGateway id="Fork" />
            <bpmn:sequenceFlow id="Flow_ToWait" sourceRef="Fork" targetRef="Timer_Wait" />
            <bpmn:sequenceFlow id="Flow_ToShort" sourceRef="Fork" targetRef="Timer_Short" />
            <bpmn:intermediateCatchEvent id="Timer_Wait">
              <bpmn:timerEventDefinition id="TimerDef_Wait">
                <bpmn:timeDuration>PT1S</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="Timer_Wait" targetRef="Task_Review" />
            <bpmn:userTask id="Task_Review" name="Review" camunda:candidateGroups="role:CommitteeOffice" />
            <bpmn:boundaryEvent id="Timer_Escalate" attachedToRef="Task_Review">
              <bpmn:timerEventDefinition id="TimerDef_Escalate">
                <bpmn:timeDuration>PT3S</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="Flow_ReviewDone" sourceRef="Task_Review" targetRef="Merge" />
            <bpmn:sequenceFlow id="Flow_ToEscalated" sourceRef="Timer_Escalate" targetRef="Task_Escalated" />
            <bpmn:userTask id="Task_Escalated" name="Escalated review" camunda:candidateGroups="role:CommitteeOffice" />
            <bpmn:sequenceFlow id="Flow_EscalatedDone" sourceRef="Task_Escalated" targetRef="Merge" />
            <bpmn:exclusiveGateway id="Merge" />
            <bpmn:sequenceFlow id="Flow_MergeToJoin" sourceRef="Merge" targetRef="Join" />
            <bpmn:intermediateCatchEvent id="Timer_Short">
              <bpmn:timerEventDefinition id="TimerDef_Short">
                <bpmn:timeDuration>PT2S</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="Flow_ShortToJoin" sourceRef="Timer_Short" targetRef="Join" />
            <bpmn:parallelGateway id="Join" />
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Join" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
