/**
 * The compact tree parsed straight from htmlparser2's events is the tree copied from linkedom's DOM:
 * implied closes, void elements, skipped subtrees, attribute case, class tokens. Markup written for
 * these tests.
 */
import { describe, expect, it } from 'vitest';
import { type El, parsePage, parseTreeViaDom, prepareMarkup } from './dom.ts';

function serialise(el: El): unknown {
  return { tag: el.tag, attrs: el.attrs, hint: el.hint, kids: el.kids.map((k) => (typeof k === 'string' ? k : serialise(k))) };
}
const same = (html: string) => {
  const markup = prepareMarkup(html).html;
  expect(serialise(parsePage(markup).root)).toEqual(serialise(parseTreeViaDom(markup)));
};

describe('the direct parse', () => {
  it.each([
    ['a whole page', '<!doctype html><html lang="en"><head><title>Ferry &amp; pier</title><meta property="og:title" content="Ferry"></head><body><h1>Ferry</h1><p>One<p>Two<br>lines</body></html>'],
    ['a fragment without html or body', '<h2>Ferry service returns</h2><p>The ferry &eacute;t&eacute; returned.</p><ul><li>one<li>two</ul>'],
    ['tables, implied closes and void elements', '<table><tr><td>a<td>b<tr><td>c</table><img src=x alt="pier"><input value=1><hr><p>after'],
    ['skipped subtrees and what follows them', '<div><noscript><p>enable js</p></noscript><template><p>t</p></template><select><option>1</select><button>Share</button><p>kept</p></div>'],
    ['attribute case, duplicates and class tokens', '<div CLASS="a" Class="b" class="  post   post  meta " ID="main" data-X="1"><span class=date>14 March 2020</span></div>'],
    ['unclosed and stray tags', '<div><span>open <b>bold</div></span><p>para</i> text</p></em>'],
  ])('%s', (_name, html) => same(html));

  it('keeps its index in document order, by tag', () => {
    const { index } = parsePage('<div><p>a</p><section><p>b</p></section></div>');
    expect(index.all.map((e) => e.tag)).toEqual(['div', 'p', 'section', 'p']);
    expect(index.byTag('p')).toHaveLength(2);
  });
});
