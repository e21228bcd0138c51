import { describe, expect, it } from 'vitest';
import { escapeHtml, externalLink, html, safeHref } from './html.ts';

describe('html``', () => {
  it('escapes interpolated text, in text and in attributes', () => {
    const title = `"><script>alert('x')</script>&`;
    expect(html`<a title="${title}">${title}</a>`.value).toBe('<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>');
  });

  it('passes nested templates and arrays through, and renders nothing for null, undefined and booleans', () => {
    const items = ['<i>', 'b'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>&lt;i&gt;</li><li>b</li></ul>0');
  });

  it('drops control and bidi-override characters that disguise text', () => {
    expect(escapeHtml('pay\u202Egpj.exe\u0007')).toBe('paygpj.exe');
  });
});

describe('links from scraped data', () => {
  it.each([
    ['https://example.org/a?b=1&c=2', 'https://example.org/a?b=1&c=2'],
    ['http://example.org', 'http://example.org/'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['//evil.example/x', null],
    ['/relative', null],
    ['vbscript:msgbox', null],
    [null, null],
  ])('%s → %s', (url, href) => {
    expect(safeHref(url)).toBe(href);
  });

  it('links only web addresses, without referrer or opener; anything else is text', () => {
    expect(externalLink('https://example.org/"x"').value).toBe('<a class="external" href="https://example.org/%22x%22" rel="noopener noreferrer nofollow" target="_blank">https://example.org/%22x%22</a>');
    expect(externalLink('javascript:alert(1)').value).toBe('<span class="url">javascript:alert(1)</span>');
  });
});
