/**
 * The compact tree parsed straight from htmlparser2's events is the tree copied from linkedom's DOM:
 * implied closes, void elements, skipped subtrees, attribute case, class tokens. Markup written for
 * these tests.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type El, MAX_DEPTH, parsePage, prepareMarkup, SKIP } from './dom.ts';

interface DomNode {
  nodeType: number;
  localName?: string;
  data?: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  childNodes?: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

/**
 * The reference: linkedom's DOM copied into the compact tree through the DOM API (what the
 * extractor did before it parsed directly), with the same skipped tags and depth bound.
 */
function parseTreeViaDom(html: string): El {
  const document = parseHTML(html).document as unknown as DomNode;
  const root: El = { tag: '#root', parent: null, kids: [], attrs: {}, hint: '' };
  const stack: Array<{ node: DomNode; parent: El; depth: number }> = [];
  const pushKids = (node: DomNode, parent: El, depth: number) => {
    const kids: DomNode[] = [];
    // The document's own children through childNodes: linkedom's doctype node has no nextSibling.
    if (node === document) for (let i = 0; i < (node.childNodes?.length ?? 0); i++) kids.push(node.childNodes![i]!);
    else for (let c = node.firstChild; c; c = c.nextSibling) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, parent, depth });
  };
  pushKids(document, root, 0);
  while (stack.length) {
    const { node, parent, depth } = stack.pop()!;
    if (node.nodeType === 3) {
      const t = node.data ?? '';
      const last = parent.kids[parent.kids.length - 1];
      if (t && typeof last === 'string') parent.kids[parent.kids.length - 1] = last + t;
      else if (t) parent.kids.push(t);
      continue;
    }
    const tag = (node.localName ?? '').toLowerCase();
    if (node.nodeType !== 1 || SKIP.has(tag)) continue;
    if (depth >= MAX_DEPTH) {
      pushKids(node, parent, depth);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (let i = 0; i < (node.attributes?.length ?? 0); i++) attrs[node.attributes![i]!.name.toLowerCase()] = node.attributes![i]!.value;
    const el: El = { tag, parent, kids: [], attrs, hint: `${attrs.class ?? ''} ${attrs.id ?? ''}`.trim() };
    parent.kids.push(el);
    pushKids(node, el, depth + 1);
  }
  return root;
}

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
