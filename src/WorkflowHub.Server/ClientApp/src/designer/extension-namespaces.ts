const camundaUri = 'http://camunda.org/schema/1.0/bpmn';
const equivalentUris = ['http://activiti.org/bpmn', 'http://flowable.org/bpmn'];

/**
 * Activiti and Flowable put the same extension attributes in their own namespaces, and the
 * engine reads them alike. The designer edits them with the Camunda properties panel, so it
 * moves them into the Camunda namespace on import. This also avoids a moddle export failure
 * ("no namespace uri given for prefix <ns0>") when a file binds the `camunda` prefix to
 * another namespace, as Activiti-era exports do.
 */
export function toCamundaNamespace(xml: string): { xml: string; converted: boolean } {
  let converted = false;
  let result = xml;
  for (const uri of equivalentUris) {
    const pattern = new RegExp(`(xmlns:[\\w.-]+\\s*=\\s*)(["'])${uri.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\2`, 'g');
    result = result.replace(pattern, (_whole, declaration: string, quote: string) => {
      converted = true;
      return `${declaration}${quote}${camundaUri}${quote}`;
    });
  }
  return { xml: result, converted };
}
