import type { PublicPolicyDocument } from '@canopy/domain';
import type { PublicUpdate } from './public-pages.app-service';

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const day = (iso: string) => iso.slice(0, 10);

/** The public privacy notice as a plain, accessible and printable HTML page (no script, no external resource). */
export function renderPolicyHtml(doc: PublicPolicyDocument): string {
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>Nothing to declare.</p>');
  const sections = doc.sections.map((section) => {
    const extra =
      section.key === 'collection'
        ? list(doc.collected.map((c) => `${escape(c.dataCategory)}: for ${escape(c.purposes.join(', '))} (legal basis: ${escape(c.legalBasis.toLowerCase().replace(/_/g, ' '))})`))
        : section.key === 'sharing'
          ? list(doc.recipients.map((r) => `${escape(r.processor)} (${escape(r.country)}): ${escape(r.dataCategories.join(', '))}, for ${escape(r.purposes.join(', '))}`))
          : section.key === 'security'
            ? list(doc.collected.map((c) => `${escape(c.dataCategory)}: kept ${c.retentionDays === null ? 'as long as needed for the service' : `${c.retentionDays} days`}, encryption ${escape(c.encryption.toLowerCase().replace(/_/g, ' '))}`))
            : section.key === 'minors'
              ? `<p>${doc.servesMinors ? 'This service is used by minors.' : 'This service is not directed at minors.'}</p>`
              : '';
    return `<section aria-labelledby="${section.key}"><h2 id="${section.key}">${escape(section.title)}</h2>${section.statements.length ? list(section.statements.map(escape)) : ''}${extra}</section>`;
  });
  const notices = doc.notices.length
    ? `<ol>${doc.notices.map((n) => `<li><p><time datetime="${n.issuedAt}">${day(n.issuedAt)}</time>, effective from <time datetime="${n.plannedEffectiveAt}">${day(n.plannedEffectiveAt)}</time></p><pre>${escape(n.text)}</pre></li>`).join('')}</ol>`
    : '<p>No change has been announced.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacy notice: ${escape(doc.service.name)}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}pre{white-space:pre-wrap;font:inherit}@media print{body{margin:0}}</style>
</head><body><main>
<h1>Privacy notice: ${escape(doc.service.name)}</h1>
<p>As it applies on <time datetime="${doc.at}">${day(doc.at)}</time>.</p>
${sections.join('\n')}
<section aria-labelledby="history"><h2 id="history">Notices of changes</h2>${notices}</section>
</main></body></html>
`;
}

/** The updates feed as Atom (RFC 4287). */
export function renderUpdatesAtom(updates: readonly PublicUpdate[], selfUrl: string, updated: Date): string {
  const entries = updates.map(
    (u) => `<entry><id>urn:canopy:notice:${escape(u.id)}</id><title>${escape(`${u.serviceName ?? 'All services'}: changes from ${day(u.plannedEffectiveAt.toISOString())}`)}</title>` +
      `<updated>${u.issuedAt.toISOString()}</updated><published>${u.issuedAt.toISOString()}</published><content type="text">${escape(u.text)}</content></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>${escape(selfUrl)}</id><title>Privacy policy updates</title><updated>${updated.toISOString()}</updated>
<link rel="self" href="${escape(selfUrl)}"/>
${entries.join('\n')}
</feed>
`;
}

export const updatesJson = (updates: readonly PublicUpdate[]) => ({
  updates: updates.map((u) => ({
    id: u.id,
    serviceKey: u.serviceKey,
    serviceName: u.serviceName,
    issuedAt: u.issuedAt.toISOString(),
    plannedEffectiveAt: u.plannedEffectiveAt.toISOString(),
    text: u.text,
  })),
});
