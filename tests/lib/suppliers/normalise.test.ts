import { describe, expect, test } from 'vitest';
import { companyNumberIn, normaliseSupplierName, splitTradingAs } from '@/lib/suppliers/normalise';

describe('normaliseSupplierName', () => {
  // Spellings from ../shared/data/contracts_finder_*.json unless marked "made up".
  test.each([
    ['Anglian Building Products Ltd', 'anglian building products'],
    ['Anglian Building Products', 'anglian building products'],
    ['Ernst & Young LLP', 'ernst and young'],
    ['ERNST AND YOUNG LLP', 'ernst and young'],
    ['Axis Europe PLC', 'axis europe'],
    ['Nanometrics Inc.', 'nanometrics'],
    ['Acme Widgets LLC', 'acme widgets'], // made up
    ['Green Shoots CIC', 'green shoots'], // made up
    ['Zurich Insurance Company t/a Zurich Municipal', 'zurich insurance'],
    ['John Lewis & Co', 'john lewis'], // made up
    ['Smith & Co. Ltd', 'smith'], // made up
    ['Commonplace Digital Ltd.', 'commonplace digital'],
    ['OAKHEART SERVICES LTD.', 'oakheart services'],
    ['Kiely Bros. Ltd', 'kiely bros'],
    ['INSIGHT DIRECT (UK) LTD', 'insight direct'],
    ['KARCHER (U.K.) LIMITED', 'karcher'],
    ['FISHER SCIENTIFIC U.K., LIMITED', 'fisher scientific'],
    ['Vinci Construction UK LTD', 'vinci construction'],
    ['EURO COMMERCIALS (SOUTH WALES) LIMITED', 'euro commercials'],
    ['YESSS (B) Electrical Limited - Nottingham', 'yesss b electrical'],
    ['Chigwell (London) Plc', 'chigwell'],
    ['Mitie Facilities, London', 'mitie facilities'], // made up
    ['Sewell Group - Leeds', 'sewell group'], // made up: "Group" stays
    ['The Royal School of the Deaf (Derby)', 'royal school of the deaf'],
    ['MARTIN WILLIAMS (HOLDINGS) LIMITED', 'martin williams holdings'],
    ['SDK (Environmental) Ltd', 'sdk environmental'],
    ['The AD Construction Group', 'ad construction group'],
    ['INSTITUTE FOR FISCAL STUDIES(THE)', 'institute for fiscal studies'],
    ['A&E Elkins T/A Elkins Construction', 'a and e elkins'],
    ['A&E Elkins TA Elkins Construction', 'a and e elkins'],
    ['DENNIS EAGLE LIMITED (t/a Terberg Matec UK)', 'dennis eagle'],
    ['Senator International Limited Trading As The Senator Group', 'senator international'],
    ['RAWaudio Ltd. t/a Raw London', 'rawaudio'],
    ['T. H. WHITE LIMITED (t/a Palfinger UK)', 'th white'],
    ['A. C Entertainment Technologies Ltd', 'ac entertainment technologies'],
    ["Day's Accountancy Services Limited", 'days accountancy services'],
    ['Axel-Elex Ltd T/A Curti Lifts', 'axel elex'],
    ['  Leeds   Building\tServices  ', 'leeds building services'], // made up
    ['Café Nero Ltd', 'cafe nero'], // made up
    ['Limited', 'limited'], // made up: nothing but a form stays itself
  ])('%j -> %j', (name, expected) => {
    expect(normaliseSupplierName(name)).toBe(expected);
  });
});

describe('splitTradingAs', () => {
  test.each([
    ['Fr Aviation t/a Draken Europe', 'Fr Aviation', 'Draken Europe'],
    ['WCL UK Ltd t/a Everything ICT', 'WCL UK Ltd', 'Everything ICT'],
    ['DENNIS EAGLE LIMITED (t/a Terberg Matec UK)', 'DENNIS EAGLE LIMITED', 'Terberg Matec UK'],
    ['Sir Jacob & Sons Ltd t/a Behrens Group', 'Sir Jacob & Sons Ltd', 'Behrens Group'],
    ['Data Power Ltd', 'Data Power Ltd', null],
    ['Tata Steel', 'Tata Steel', null], // made up: "ta" inside a word is not "t/a"
    ['Ta Services Ltd', 'Ta Services Ltd', null], // made up: no legal name before it
  ])('%j', (name, legal, trading) => {
    expect(splitTradingAs(name)).toEqual({ legal, trading });
  });
});

describe('companyNumberIn', () => {
  test.each([
    ['01628868', '01628868'],
    ['1628868', '01628868'],
    [' 0162 8868 ', '01628868'],
    ['GB-COH-03794455', '03794455'],
    ['sc268016', 'SC268016'],
    ['OC300001', 'OC300001'],
    ['NI12345', 'NI012345'],
    ['Civica', null],
    ['1234', null],
    ['458577871', null], // 9 digits: not a company number (lib/ocds/parties.ts)
    ['00000000', null],
  ])('%j -> %j', (text, expected) => {
    expect(companyNumberIn(text)).toBe(expected);
  });
});
