/** An endpoint URL as messages may show it, and a scrubber for text that may quote its secrets. */
export interface RedactedEndpoint {
  /** Scheme, host, port and path; a user name, password or query string shows as `***`. */
  shown: string;
  /** `text` with every secret part of the endpoint (user name, password, query string and its values) as `***`. */
  scrub(text: string): string;
}

/** Secret pieces shorter than this are only removed as part of the whole URL, so that messages stay readable. */
const shortestScrubbedPiece = 4;

export function redactEndpoint(endpoint: string): RedactedEndpoint {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { shown: 'the configured endpoint (not a valid URL)', scrub: (text) => text.replaceAll(endpoint, '***') };
  }
  const userInfo = url.username !== '' || url.password !== '' ? '***@' : '';
  const path = url.pathname === '/' ? '' : url.pathname;
  const shown = `${url.protocol}//${userInfo}${url.host}${path}${url.search === '' ? '' : '?***'}`;
  const pieces = secretPieces(endpoint, url);
  return {
    shown,
    scrub(text) {
      let scrubbed = text;
      for (const piece of pieces) scrubbed = scrubbed.replaceAll(piece, piece === endpoint || piece === url.href ? shown : '***');
      return scrubbed;
    },
  };
}

/** Longest first, so a whole URL is replaced before the parts it contains. */
function secretPieces(endpoint: string, url: URL): string[] {
  const pieces = new Set<string>();
  const add = (piece: string) => {
    if (piece.length === 0) return;
    pieces.add(piece);
    try {
      pieces.add(decodeURIComponent(piece));
    } catch {
      // A malformed escape has no decoded form to look for.
    }
  };
  const hasSecrets = url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '';
  if (hasSecrets) {
    pieces.add(endpoint);
    pieces.add(url.href);
  }
  for (const piece of [url.username, url.password, url.search.slice(1), url.hash.slice(1)]) add(piece);
  for (const [name, value] of url.searchParams) {
    add(value);
    add(encodeURIComponent(value));
    add(`${name}=${value}`);
  }
  return [...pieces].filter((piece) => piece === endpoint || piece === url.href || piece.length >= shortestScrubbedPiece).sort((a, b) => b.length - a.length);
}
