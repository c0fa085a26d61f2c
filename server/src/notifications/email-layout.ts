/** What an email says, once; the layout turns it into both a plain-text and an HTML body. */
export interface EmailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Labelled values, e.g. the inquiry's business profile; empty values are left out. */
  facts: [label: string, value: string | null | undefined][];
  closing?: string;
  /** The one thing to do next: a button in HTML, a labelled link in text. */
  action?: { label: string; url: string };
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value from the database or a user goes through this before it reaches HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => htmlEntities[char]);
}

const SIGNATURE = 'Seller Leads Pool';

function shownFacts(content: EmailContent): [string, string][] {
  return content.facts.filter((fact): fact is [string, string] => fact[1] != null && fact[1] !== '');
}

function textBody(content: EmailContent): string {
  const facts = shownFacts(content).map(([label, value]) => `${label}: ${value}`);
  return [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(facts.length ? [...facts, ''] : []),
    ...(content.closing ? [content.closing, ''] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    `-- ${SIGNATURE}`,
    '',
  ].join('\n');
}

/** A link styled as a button, with inline styles only: email clients ignore style sheets. */
function actionButton(action: { label: string; url: string }): string {
  const style =
    'display:inline-block;padding:10px 18px;background:#0b57d0;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold';
  return `<p><a href="${escapeHtml(action.url)}" style="${style}">${escapeHtml(action.label)}</a></p>`;
}

function htmlBody(content: EmailContent): string {
  const rows = shownFacts(content).map(
    ([label, value]) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
  );
  return [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>${escapeHtml(content.greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    rows.length ? `<table>${rows.join('')}</table>` : '',
    content.closing ? `<p>${escapeHtml(content.closing)}</p>` : '',
    content.action ? actionButton(content.action) : '',
    `<p style="color:#666">${SIGNATURE}</p>`,
    '</body></html>',
  ].join('\n');
}

export function renderEmail(content: EmailContent): RenderedEmail {
  return { subject: content.subject, text: textBody(content), html: htmlBody(content) };
}
