/** The ingest page: paste text or HTML, or upload files, and see what became of each input. */
import { SUPPORTED_EXTENSIONS } from '../../read/index.ts';
import { html } from '../html.ts';
import type { IngestResult } from '../ingest.ts';
import { page } from './layout.ts';

export interface IngestForm {
  /** The server wants a token with writes (shown as a field). */
  needsToken: boolean;
  /** Writes are refused whatever the form holds (public address, no token): say so up front. */
  closedReason: string | null;
  maxMegabytes: number;
}

export function ingestPage(form: IngestForm, results: IngestResult[] | null = null): string {
  const outcome = results
    ? html`<h2>Result</h2><table class="results"><thead><tr><th>Input</th><th>Status</th><th>Articles</th><th>Stories</th></tr></thead><tbody>${results.map((r) => html`<tr><td>${r.source}</td><td class="${r.status}">${r.status}${r.reason ? html`: ${r.reason}` : ''}</td><td>${r.articleIds.map((id) => html`<div><a href="/articles/${id}">${id}</a></div>`)}</td><td>${r.storyIds.map((id) => html`<div><a href="/stories/${id}">${id}</a></div>`)}</td></tr>`)}</tbody></table>`
    : '';
  const body = html`<h1>Ingest</h1>
<p class="meta">Paste an article (plain text or a page’s HTML), or upload files: ${SUPPORTED_EXTENSIONS.join(', ')} (JSON: one article object or an array, with <code>text</code> or <code>html</code>). Everything is analysed into this store, as <code>storyline analyze</code> does; content already stored is recognised and left as it is. Up to ${form.maxMegabytes} MB per submission.</p>
${form.closedReason ? html`<p class="error-box">${form.closedReason}</p>` : ''}
${outcome}
<form class="ingest" method="post" action="/ingest" enctype="multipart/form-data">
  <label>Article text or HTML<textarea name="content" placeholder="Paste the page here"></textarea></label>
  <div class="row">
    <label>Title (optional)<input type="text" name="title"></label>
    <label>Outlet (optional)<input type="text" name="source"></label>
    <label>Published (optional)<input type="text" name="published" placeholder="2025-06-18"></label>
    <label>URL (optional)<input type="text" name="url"></label>
  </div>
  <label>Or files<input type="file" name="files" multiple accept="${SUPPORTED_EXTENSIONS.join(',')}"></label>
  ${form.needsToken ? html`<label>Token (the server was started with one)<input type="password" name="token" autocomplete="current-password"></label>` : ''}
  <div><button type="submit">Analyse</button></div>
</form>`;
  return page('Ingest', body, 'ingest');
}

export function errorPage(status: number, message: string): string {
  const heading = status === 404 ? 'Not found' : status >= 500 ? 'Something went wrong' : 'That did not work';
  return page(heading, html`<h1>${heading}</h1><p class="error-box">${message}</p><p><a href="/">Back to the stories</a></p>`);
}
