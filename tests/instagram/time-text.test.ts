import { describe, expect, it } from 'vitest';
import { foldName, normaliseTimeText } from '@/lib/instagram/time-text';

describe('normaliseTimeText', () => {
  it.each([
    ['Arabic-Indic', '٠١٢٣٤٥٦٧٨٩'],
    ['Persian', '۰۱۲۳۴۵۶۷۸۹'],
    ['Devanagari', '०१२३४५६७८९'],
    ['Bengali', '০১২৩৪৫৬৭৮৯'],
    ['Thai', '๐๑๒๓๔๕๖๗๘๙'],
    ['fullwidth', '０１２３４５６７８９'],
    ['mathematical bold', '𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗'],
  ])('turns %s digits into ASCII', (_script, digits) => {
    expect(normaliseTimeText(digits)).toBe('0123456789');
  });

  it('drops bidi marks, accents and apostrophes, lowers case and collapses every kind of space', () => {
    expect(normaliseTimeText('\u200fSÁB.\u00a0\u202f3:26\u2009P.M.\u200e')).toBe('sab. 3:26 p.m.');
    expect(normaliseTimeText('Aujourd’hui\u061c à  10:05')).toBe('aujourdhui a 10:05');
  });

  it('keeps the vowel signs of scripts where they are part of the letter', () => {
    expect(normaliseTimeText('रविवार')).toBe('रविवार');
  });

  it('reads Turkish dotted and dotless I alike', () => {
    expect(normaliseTimeText('İKİ')).toBe(normaliseTimeText('ıki'));
  });
});

describe('foldName', () => {
  it('turns punctuation into single spaces', () => {
    expect(foldName('a. m.')).toBe('a m');
    expect(foldName('Std.')).toBe('std');
    expect(foldName('segunda-feira')).toBe('segunda feira');
  });
});
