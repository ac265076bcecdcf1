import { objectCatalog } from '../store/object-catalog';

/** Which object of the catalog a flow holds, when its name says so (queries/objects/<object>/object.json `flowName`). */
export function objectFromFlowName(flowName: string): string | null {
  const name = ownName(flowName);
  return objectCatalog().find((object) => object.flowName.test(name))?.name ?? null;
}

/**
 * Which object records with these top-level fields are (matched case-insensitively against each object's
 * `recognisedBy`); otherwise the flow's own name.
 */
export function objectFromFields(fields: string[], flowName: string): string {
  const has = new Set(fields.map((f) => f.toLowerCase()));
  const found = objectCatalog().find((object) => object.recognisedBy.some((set) => set.every((f) => has.has(f.toLowerCase()))));
  return found?.name ?? ownName(flowName).toLowerCase();
}

/** A flow's name is its folder's path under the source root; only the folder itself names the object. */
export function ownName(flowName: string): string {
  return flowName.slice(flowName.lastIndexOf('/') + 1);
}
