-- The session's control catalog, as the control engine checks results against it (installed before any control
-- runs). Parameter controls: a JSON list of {control_id, texts_file, reasons: [{lang, reason_key, text}]};
-- statuses: a JSON list of the statuses a control may return (vocabulary.json).
CREATE OR REPLACE TEMP TABLE fk_control_texts AS
SELECT c.control_id, c.texts_file, r.lang, r.reason_key, r.text
FROM (
  SELECT unnest(from_json($controls, '[{"control_id": "VARCHAR", "texts_file": "VARCHAR",
    "reasons": [{"lang": "VARCHAR", "reason_key": "VARCHAR", "text": "VARCHAR"}]}]'), recursive := true)
) AS c, unnest(c.reasons) AS u(r);

CREATE OR REPLACE TEMP TABLE fk_control_statuses AS
SELECT unnest(from_json($statuses, '["VARCHAR"]')) AS status;

CREATE OR REPLACE TEMP MACRO fk_filled_reason(template, id, key, args) AS
  CASE
    WHEN template IS NULL THEN error(printf('control %s returned reason_key "%s", which %s has no "en" reason for', id, key,
      (SELECT any_value(t.texts_file) FROM fk_control_texts AS t WHERE t.control_id = id)))
    ELSE list_reduce(json_keys(coalesce(args::JSON, '{}')), (acc, k) -> replace(acc, '{' || k || '}', args::JSON->>k), template)
  END;

-- A result's English reason: its texts.json sentence for the reason_key, each {name} filled from reason_args.
-- A key without a sentence stops the query, naming the control and its texts.json.
CREATE OR REPLACE TEMP MACRO fk_control_reason(id, key, args) AS
  fk_filled_reason(
    (SELECT t.text FROM fk_control_texts AS t WHERE t.control_id = id AND t.lang = 'en' AND t.reason_key = key),
    id, key, args);

-- A result's status, which must be one of vocabulary.json's control statuses.
CREATE OR REPLACE TEMP MACRO fk_control_status(id, status) AS
  CASE
    WHEN status IN (SELECT s.status FROM fk_control_statuses AS s) THEN status
    ELSE error(printf('control %s returned status "%s": a status is one of %s', id, status,
      (SELECT string_agg(s.status, ', ') FROM fk_control_statuses AS s)))
  END;
