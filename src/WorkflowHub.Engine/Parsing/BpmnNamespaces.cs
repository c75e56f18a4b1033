namespace WorkflowHub.Engine.Parsing;

internal static class BpmnNamespaces
{
    public const string Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public const string Camunda = "http://camunda.org/schema/1.0/bpmn";
    public const string Activiti = "http://activiti.org/bpmn";
    public const string Flowable = "http://flowable.org/bpmn";
    public const string Zeebe = "http://camunda.org/schema/zeebe/1.0";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Camunda 7, Activiti and Flowable carry the same extension attributes under different namespaces.</summary>
    public static bool IsCamunda(string ns) => ns is Camunda or Activiti or Flowable;
}
