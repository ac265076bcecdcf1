/** Which Workload Security object a flow holds, when its name says so. */
export function objectFromFlowName(flowName: string): 'computers' | 'policies' | null {
  const name = ownName(flowName);
  if (/computer/i.test(name)) return 'computers';
  if (/polic/i.test(name)) return 'policies';
  return null;
}

/** Which object records with these top-level fields are (matched case-insensitively); otherwise the flow's own name. */
export function objectFromFields(fields: string[], flowName: string): string {
  const has = new Set(fields.map((f) => f.toLowerCase()));
  if (has.has('hostname') || has.has('agentversion') || has.has('computerstatus')) return 'computers';
  if (has.has('policysettings') || (has.has('parentid') && has.has('name'))) return 'policies';
  return ownName(flowName).toLowerCase();
}

/** A flow's name is its folder's path under the source root; only the folder itself names the object. */
export function ownName(flowName: string): string {
  return flowName.slice(flowName.lastIndexOf('/') + 1);
}
