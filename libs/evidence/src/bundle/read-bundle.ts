import type { BundleEnd, BundleHeader, BundleLine, BundleRecord, EventLine } from './format';
import { BUNDLE_SECTIONS } from './format';

/** A whole bundle read into memory (tests, small bundles): its lines, and by section and seq. */
export interface BundleView {
  header: BundleHeader;
  lines: BundleLine[];
  end: BundleEnd | null;
  at: string;
  treeHead: BundleHeader['treeHead'];
  sections: Record<string, BundleRecord[]>;
  events: EventLine[];
}

/** Parses a bundle's text without verifying it: throws on a line that is not JSON. */
export function parseBundle(text: string): BundleView {
  const values = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const [header, ...rest] = values as [BundleHeader, ...Array<BundleLine | BundleEnd>];
  const last = rest[rest.length - 1];
  const end = last?.kind === 'end' ? (last as BundleEnd) : null;
  const lines = rest.filter((line): line is BundleLine => line.kind !== 'end');
  const sections: Record<string, BundleRecord[]> = Object.fromEntries(BUNDLE_SECTIONS.map((section) => [section, []]));
  for (const line of lines) if (line.kind === 'record') (sections[line.section] ??= []).push(line);
  const events = lines.filter((line): line is EventLine => line.kind === 'event');
  return { header, lines, end, at: header.at, treeHead: header.treeHead, sections, events };
}
