/** Something the load noticed and handled without refusing a run: counted, printed and kept in `load_errors`. */
export interface LoadNotice {
  /** A short stable name, e.g. `duplicate-id`, `same-execution-id`, `two-flows-one-object`. */
  kind: string;
  runKey: string | null;
  fileKey: string | null;
  line: number | null;
  /** One line for a person, naming the file (and line) where there is one. */
  message: string;
}
