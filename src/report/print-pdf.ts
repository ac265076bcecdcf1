import { pathToFileURL } from 'node:url';
import { withChromiumPage } from './chromium';

/** Prints an HTML file to PDF with headless Chromium, using the page's own `@page` size, margins and header. */
export async function printPdf(htmlFile: string, pdfFile: string): Promise<void> {
  await withChromiumPage(async (page) => {
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: 300_000 });
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  });
}
