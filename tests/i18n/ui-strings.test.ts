import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every word a person reads comes from the message catalogs (`t('…')`): a test that names each string written
// straight into a component, by file and line. Names that are the same in every language are allowed below.

const root = path.resolve(import.meta.dirname, '../..');
const SAME_IN_EVERY_LANGUAGE = new Set([
  'DM Handoff',
  'Calendly',
  'Cal.com',
  'Instagram',
  'CSV',
  'JSON',
  'UTC',
  'coach.amelia',
]);
/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
]);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text.trim());

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** The strings written straight into a component's markup, with their line. */
function untranslated(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${path.relative(root, file)}:${line + 1} ${JSON.stringify(text.trim().slice(0, 60))}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && hasWords(value.text)) report(value, value.text);
    } else if (ts.isJsxExpression(node) && node.expression) {
      // A child of the markup, or the value of an attribute a person reads (not a class name, a key…).
      const attribute = ts.isJsxAttribute(node.parent) ? node.parent.name.getText(source) : undefined;
      const read = attribute === undefined || READ_ATTRIBUTES.has(attribute);
      const e = node.expression;
      if (!read) {
        ts.forEachChild(node, visit);
        return;
      }
      if ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && hasWords(e.text)) report(e, e.text);
      if (ts.isTemplateExpression(e)) {
        const parts = [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ');
        if (hasWords(parts)) report(e, parts);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const SURFACES = ['sidebar', 'popup', 'options', 'dashboard', 'ui'] as const;

describe('every word a person reads comes from the catalogs', () => {
  it.each(SURFACES)('components/%s', (surface) => {
    const found = filesUnder(path.join(root, 'components', surface)).flatMap(untranslated);
    expect(found).toEqual([]);
  });
});
