import { parseNamedQuery, type NamedQuery, type QueryParameter } from '../store/named-queries';
import { sqlFolder } from '../store/sql-files';

/** A control: `queries/controls/<id>.sql`, returning one row per computer with a status and a reason. */
export interface ControlDefinition {
  id: string;
  /** The header's first line: what a computer must satisfy (`{param}` marks a parameter's value). */
  title: string;
  /** Every parameter but `as_of`, which the runner always binds. */
  params: QueryParameter[];
  query: NamedQuery;
}

export const AS_OF_PARAM = 'as_of';

/** Every control shipped in `queries/controls/`, by id, in file-name order. */
export function listControls(): ControlDefinition[] {
  return sqlFolder('controls').map(({ name, text }) => {
    const query = parseNamedQuery(name, text);
    return {
      id: name.slice('controls/'.length),
      title: query.description,
      params: query.params.filter((p) => p.name !== AS_OF_PARAM),
      query,
    };
  });
}
