/** Builds WARC 1.0 records (ISO 28500) for tests, from content the tests invent. */
let seq = 0;
/** One WARC record; `block` is its whole content block (for a response: HTTP head + body). */
export function warcRecord(type: string, uri: string, block: Buffer, contentType = 'application/http; msgtype=response'): Buffer {
  const head = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Target-URI: ${uri}`,
    'WARC-Date: 2025-03-04T10:00:00Z',
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}>`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${block.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}

export function httpResponse(status: string, headers: Record<string, string>, body: Buffer | string): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body) : body;
  const lines = [`HTTP/1.1 ${status}`, ...Object.entries({ ...headers, 'Content-Length': String(b.length) }).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), b]);
}

