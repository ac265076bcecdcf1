/** Which Workload Security object a flow holds, when its name says so. */
export function objectFromFlowName(flowName: string): 'computers' | 'policies' | null {
  if (/computer/i.test(flowName)) return 'computers';
  if (/polic/i.test(flowName)) return 'policies';
  return null;
}

/** Which object records with these top-level fields are; otherwise the flow's own name. */
export function objectFromFields(fields: string[], flowName: string): string {
  const has = new Set(fields);
  if (has.has('hostName') || has.has('agentVersion') || has.has('computerStatus')) return 'computers';
  if (has.has('policySettings') || (has.has('parentID') && has.has('name') && !has.has('hostName'))) return 'policies';
  return flowName.toLowerCase();
}
