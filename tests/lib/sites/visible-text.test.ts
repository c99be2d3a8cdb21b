import { expect, test } from 'vitest';
import { hasVisibleText, mainText, visibleLines } from '@/lib/sites/visible-text';
import { parseHtml } from './fixture';

const body = (html: string) => parseHtml(`<body>${html}</body>`).body;

test.each([
  ['<p>Leeds <b>City</b> Council</p>', ['Leeds City Council']],
  ['<div>Kent</div><div>County   Council</div>', ['Kent', 'County Council']],
  ['<span aria-hidden="true">Shown</span><span class="visually-hidden">Shown</span>', ['Shown']],
  ['<p>a</p><script>var x = "Leeds City Council";</script><style>p{}</style><template><p>b</p></template>', ['a']],
  ['<p hidden>a</p><p style="display: none">b</p><p style="color:red; visibility:hidden">c</p><p>d</p>', ['d']],
  ['<code style="display:none">{"companyName":"Bradford Council"}</code><p>e</p>', ['e']],
  ['<button>More<svg><title>More actions menu</title></svg></button>', ['More']],
  ['<p>one<br>two</p><!-- a comment -->', ['one', 'two']],
])('%s -> %j', (html, expected) => {
  expect(visibleLines(body(html))).toEqual(expected);
});

test('main text leaves out complementary regions inside main', () => {
  const doc = parseHtml('<main><p>Kent County Council</p><aside>Medway Council</aside><div role="complementary">Swale</div></main>');
  expect(mainText(doc.querySelector('main') as Element)).toBe('Kent County Council');
});

test.each([
  ['<main></main>', false],
  ['<main>  <div> </div><!-- x --></main>', false],
  ['<main><div hidden>Loading</div><script>1</script></main>', false],
  ['<main><div><span>x</span></div></main>', true],
])('%s has visible text: %s', (html, expected) => {
  const main = parseHtml(html).querySelector('main') as Element;
  expect(hasVisibleText(main)).toBe(expected);
});
