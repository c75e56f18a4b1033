using System.Xml.Linq;

namespace WorkflowHub.Engine.Parsing;

/// <summary>The Camunda 7 extension attributes of one element, read from the Camunda, Activiti or Flowable namespace.</summary>
internal readonly struct CamundaAttributes(XElement element)
{
    public string? this[string localName]
    {
        get
        {
            foreach (var attribute in element.Attributes())
            {
                if (attribute.Name.LocalName == localName && BpmnNamespaces.IsCamunda(attribute.Name.NamespaceName))
                {
                    return attribute.Value;
                }
            }

            return null;
        }
    }
}
