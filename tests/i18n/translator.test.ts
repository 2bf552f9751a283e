import { describe, expect, it } from 'vitest';
import { LANGUAGES, pickLanguage } from '../../lib/i18n/languages';
import { createTranslator } from '../../lib/i18n/translator';

const LEADS = '{count, plural, =0 {No leads} one {# lead} other {# leads}} due soon';

describe('choosing the language', () => {
  it('follows the browser by primary language, and speaks English otherwise', () => {
    expect(pickLanguage(['pt-PT', 'en'])).toBe('pt-BR');
    expect(pickLanguage(['es-MX'])).toBe('es');
    expect(pickLanguage(['de-AT', 'fr'])).toBe('de');
    expect(pickLanguage(['fr_CA'])).toBe('fr');
    expect(pickLanguage(['ja', 'it'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
    for (const language of LANGUAGES) expect(pickLanguage([language])).toBe(language);
  });
});

describe('writing a message', () => {
  it('picks the plural form by the language’s own rules', () => {
    const en = createTranslator('en', { due: LEADS });
    expect([0, 1, 2].map((count) => en('due', { count }))).toEqual([
      'No leads due soon',
      '1 lead due soon',
      '2 leads due soon',
    ]);
    // French counts 0 as singular; English does not.
    const fr = createTranslator('fr', { due: '{count, plural, one {# prospect urgent} other {# prospects urgents}}' });
    expect([0, 1, 2].map((count) => fr('due', { count }))).toEqual([
      '0 prospect urgent',
      '1 prospect urgent',
      '2 prospects urgents',
    ]);
    // Numbers are written the language's way.
    const de = createTranslator('de', { due: '{count, plural, one {# Lead} other {# Leads}}' });
    expect(de('due', { count: 1200 })).toBe('1.200 Leads');
  });

  it('fills placeholders and choices, and leaves text that only looks like markup alone', () => {
    const t = createTranslator('pt-BR', {
      owner: '{name} é responsável',
      role: '{role, select, coach {Coach} setter {Setter} other {Membro}}',
      angle: 'Use <b> e {name}',
    });
    expect(t('owner', { name: 'Ana' })).toBe('Ana é responsável');
    expect(t('role', { role: 'setter' })).toBe('Setter');
    expect(t('role', { role: 'va' })).toBe('Membro');
    expect(t('angle', { name: 'x' })).toBe('Use <b> e x');
  });

  it('never breaks a screen: a missing message falls back to English, then to its key; a broken one shows as written', () => {
    const t = createTranslator<'a' | 'b' | 'c' | 'd'>(
      'es',
      { a: 'Hola {name}', c: 'Roto {' },
      { a: 'Hello {name}', b: 'English only' },
    );
    expect(t('b')).toBe('English only');
    expect(t('d')).toBe('d');
    expect(t('c')).toBe('Roto {');
    expect(t('a')).toBe('Hola {name}');
  });
});
