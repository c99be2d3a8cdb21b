import { growthRatio, NOT_LINEAR } from '../../support/growth';
import { describe, expect, test } from 'vitest';
import { cleanLine, cleanText, decodeEntities, fixMojibake, fixStrippedLineBreaks, stripTags } from '@/lib/ocds/clean-text';

describe('decodeEntities', () => {
  test.each([
    ['named', 'Tom &amp; Jerry &lt;b&gt; &quot;x&quot;', 'Tom & Jerry <b> "x"'],
    ['apostrophes (real: "HMPPS Norwich-A&apos;Wing")', 'A&apos;Wing, St George&#39;s', "A'Wing, St George's"],
    ['numeric decimal and hex', '&#163;5 &#x2013; &#X20AC;', '£5 – €'],
    ['no-break space', 'a&nbsp;b', 'a\u00a0b'],
    ['double-encoded', 'R&amp;amp;D &amp;#39;x&amp;#39;', "R&D 'x'"],
    ['unknown names stay', '&foo; AT&T', '&foo; AT&T'],
    ['names of object properties are not entities', '&constructor; &toString;', '&constructor; &toString;'],
    ['upper-case names', '&AMP; &Quot;', '& "'],
    ['invalid code points stay', '&#0; &#xD800; &#9999999;', '&#0; &#xD800; &#9999999;'],
  ])('%s', (_name, input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('stripTags', () => {
  test.each([
    ['inline tags go', 'a <b>bold</b> <span class="x">word</span>', 'a bold word'],
    ['opening block tags and br become line breaks', '<p>One</p><p>Two<br/>Three</p><ul><li>a</li><li>b</li></ul>', '\nOne\nTwo\nThree\n\na\nb'],
    ['comparisons are text', 'values < 5 and > 3', 'values < 5 and > 3'],
    ['comments go', 'a<!-- hidden -->b', 'ab'],
  ])('%s', (_name, input, expected) => {
    expect(stripTags(input)).toBe(expected);
  });
});

describe('fixMojibake', () => {
  test.each([
    ['right single quote', 'Councilâ€™s', 'Council’s'],
    ['en dash', '2024 â€“ 2025', '2024 – 2025'],
    ['left and right double quotes, 0x9D lost', 'â€œYesâ€', '“Yes”'],
    ['right double quote with 0x9D kept', 'â€œYesâ€\u009d', '“Yes”'],
    ['narrow no-break space (real: "Parking Pilot - CEO")', 'framework.â€¯ The', 'framework.\u202f The'],
    ['bullet (real: extra file)', 'â€¢ Monochrome', '• Monochrome'],
    ['pound sign', 'Â£10,000', '£10,000'],
    ['micro sign', '5Âµm', '5µm'],
    ['no-break space', 'aÂ\u00a0b', 'a\u00a0b'],
    ['no-break space turned into a space', '10Â 000', '10 000'],
    ['Latin-1 accents', 'CafÃ© rÃ©sumÃ©', 'Café résumé'],
    ['Welsh circumflex stays', 'Ffrâm24 â chymorth', 'Ffrâm24 â chymorth'],
    ['a capital Â word stays', 'Â phwy', 'Â phwy'],
  ])('%s', (_name, input, expected) => {
    expect(fixMojibake(input)).toBe(expected);
  });
});

describe('fixStrippedLineBreaks', () => {
  test.each([
    // sure cases, in any text
    ['after a full stop (real: extra file)', 'organisations.rnrnLot 1', 'organisations.\n\nLot 1'],
    ['after a full stop, capital next', 'word.rnNext', 'word.\nNext'],
    ['after a digit', 'by 2025rnrnGalliford', 'by 2025\n\nGalliford'],
    ['after a bracket', '(WCC)rn Next', '(WCC)\n Next'],
    ['double after a word', 'RequirementrnrnThe', 'Requirement\n\nThe'],
    ['double after a real rn word keeps the word', 'Patternrnrnnext', 'Pattern\n\nnext'],
    ['at the start', 'rnThe notice', '\nThe notice'],
    // ambiguous cases, repaired because the text has a sure one
    ['word then capital (real: "RoadrnLondonrnEC1V")', 'Intro.rnRoadrnLondon', 'Intro.\nRoad\nLondon'],
    ['word then space (real: PCS "Thanksrn NOTE")', 'End.rn Thanksrn NOTE', 'End.\n Thanks\n NOTE'],
    ['"to" + break is not "torn"', 'Done.rn limited torn Joinery', 'Done.\n limited to\n Joinery'],
    ['a place that ends in "a"', 'Go.rn Swansearn', 'Go.\n Swansea\n'],
    ['a word + break at the end', 'Go.rn Thanksrn', 'Go.\n Thanks\n'],
    ['after punctuation before lower case', 'Go.rn x.rnhttps://a', 'Go.\n x.\nhttps://a'],
    // real words are kept, also in stripped text
    ['Northern Ireland', 'Go.rn Northern Ireland', 'Go.\n Northern Ireland'],
    ['return, modern, concern, pattern', 'Go.rn return modern concern pattern Eastern', 'Go.\n return modern concern pattern Eastern'],
    ['place names', 'Go.rn Blackburn Springburn Kinghorn Llansadwrn', 'Go.\n Blackburn Springburn Kinghorn Llansadwrn'],
    ['worn stays worn', 'Go.rn replacing worn belts', 'Go.\n replacing worn belts'],
    ['inside words', 'Go.rn government internal learning Northernhay', 'Go.\n government internal learning Northernhay'],
    // clean text is left alone
    ['word + "rn" in clean text', 'Thanksrn NOTE', 'Thanksrn NOTE'],
    ['no rn at all', 'Contract for services', 'Contract for services'],
    ['government in clean text', 'Local government, Northern Ireland, return', 'Local government, Northern Ireland, return'],
  ])('%s', (_name, input, expected) => {
    expect(fixStrippedLineBreaks(input)).toBe(expected);
  });

  test('a caller that knows the release is stripped repairs a text without a sure case', () => {
    const text = 'eradication of rhododendron ponticum fromrn Eilean na Muice Duibhe';
    expect(fixStrippedLineBreaks(text)).toBe(text);
    expect(fixStrippedLineBreaks(text, true)).toBe('eradication of rhododendron ponticum from\n Eilean na Muice Duibhe');
  });

  test('a long text is handled in linear time', () => {
    const text = (n: number) => 'Services.rnThanksrn government '.repeat(n);
    expect(fixStrippedLineBreaks(text(20_000)).startsWith('Services.\nThanks\n government Services.')).toBe(true);
    const texts = new Map([10_000, 40_000].map((n) => [n, text(n)]));
    expect(growthRatio((n) => fixStrippedLineBreaks(texts.get(n)!), 10_000)).toBeLessThan(NOT_LINEAR);
  });
});

describe('cleanText and cleanLine', () => {
  test('a description: entities, tags, mojibake, stripped breaks and spaces', () => {
    expect(cleanText('<p>Council&#39;s  plan.rnrnâ€¢ Item one</p>\r\n\r\n\r\n   Next  line  ')).toBe("Council's plan.\n\n• Item one\n\nNext line");
  });

  test('indented real line breaks (2022 file, Ward End Park) collapse', () => {
    expect(cleanText('evaluation.\n      \n      The Council')).toBe('evaluation.\n\nThe Council');
  });

  test('a title on one line', () => {
    expect(cleanLine('  HMPPS Norwich-A&apos;Wing\n Refurbishment ')).toBe("HMPPS Norwich-A'Wing Refurbishment");
  });

  test('control and zero-width characters go', () => {
    expect(cleanLine('a\u0007b\u200bc\ufeff')).toBe('abc');
  });
});
