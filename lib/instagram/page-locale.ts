/** The language Instagram's page is shown in: its <html lang>, else the browser's. Times and words follow it. */
export function pageLocale(doc: Document): string {
  return doc.documentElement.lang || doc.defaultView?.navigator.language || 'en';
}
