/**
 * Lays out the data map: services in the left column, processors in the
 * right, one edge per arrangement coloured by its status. Arrangements
 * between the same pair are drawn as separate curves; every edge label gets
 * a place no other label or node covers; a label is compact (its sensitive
 * categories always, the others counted) with the full list kept for hover
 * and focus. Pure, so it is tested without a browser.
 */
import { isSharingActive, type SharingStatus } from '@canopy/domain';

export interface MapArrangement {
  id: string;
  status: SharingStatus;
  dataCategories: readonly string[];
  service: { key: string; name: string };
  processor: { key: string; name: string };
}

export interface MapNode {
  id: string;
  kind: 'service' | 'processor';
  key: string;
  name: string;
  x: number;
  y: number;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  status: string;
  color: string;
  /** The compact label drawn on the edge: every sensitive category, the others counted. */
  label: string;
  /** Every category, sensitive ones marked: for hover, focus and screen readers. */
  fullLabel: string;
  sensitive: boolean;
  dashed: boolean;
  /** How far the curve's middle bends away from the straight line, so arrangements between one pair do not overlap. */
  bend: number;
  /** Where on the curve (0 = service, 1 = processor) the label sits, chosen so no two labels overlap. */
  labelAt: number;
  /** How far below (above, when negative) that point the label sits: 0 unless every place on the line was taken. */
  labelShift: number;
  /** The label's box in map coordinates, as estimated for placement. */
  labelBox: Box;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const STATUS_EDGE_COLORS: Record<string, string> = {
  APPROVED: '#2f9e44',
  PENDING_REVIEW: '#f08c00',
  DRAFT: '#868e96',
  REJECTED: '#e03131',
  REVOKED: '#e03131',
  WITHDRAWN: '#adb5bd',
};

const ROW = 130;
const COLUMN_GAP = 620;
export const NODE_WIDTH = 190;
const NODE_HEIGHT = 58;
const PARALLEL_GAP = 44;
const LABEL_HEIGHT = 22;
const CHAR_WIDTH = 7.4;
/** Room kept around each label, so estimates a little short of the drawn size still leave labels apart. */
const LABEL_MARGIN = 6;
/** Shifts tried across the edge when no place along it is free: the label then sits just beside its line. */
const LABEL_SHIFTS = [0, 1, -1, 2, -2];
/** Places tried along an edge for its label, the middle first. */
const LABEL_STOPS = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85];

export const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The point at `t` of the curve from `from` to `to` whose middle is bent `bend` pixels off the straight line (a quadratic Bézier). */
export function pointOnBentEdge(from: { x: number; y: number }, to: { x: number; y: number }, bend: number, t: number): { x: number; y: number } {
  const control = bentControlPoint(from, to, bend);
  const u = 1 - t;
  return { x: u * u * from.x + 2 * u * t * control.x + t * t * to.x, y: u * u * from.y + 2 * u * t * control.y + t * t * to.y };
}

/** The control point that bends the curve's middle `bend` pixels along the line's normal. */
export function bentControlPoint(from: { x: number; y: number }, to: { x: number; y: number }, bend: number): { x: number; y: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: (from.x + to.x) / 2 + (-dy / length) * 2 * bend, y: (from.y + to.y) / 2 + (dx / length) * 2 * bend };
}

/** The compact label: every sensitive category (they are never hidden), the other categories counted. */
export function compactLabel(categories: readonly string[], isSensitive: (category: string) => boolean): string {
  const sensitive = categories.filter(isSensitive);
  const others = categories.filter((c) => !isSensitive(c));
  if (sensitive.length) return `⚠ ${sensitive.join(', ')}${others.length ? ` +${others.length}` : ''}`;
  if (others.length <= 1) return others[0] ?? 'no category';
  return `${others[0]} +${others.length - 1}`;
}

export function layoutDataMap(
  services: readonly { key: string; name: string }[],
  arrangements: readonly MapArrangement[],
  isSensitive: (category: string) => boolean,
): { nodes: MapNode[]; edges: MapEdge[] } {
  const serviceByKey = new Map<string, { key: string; name: string }>();
  for (const s of services) serviceByKey.set(s.key, s);
  for (const a of arrangements) if (!serviceByKey.has(a.service.key)) serviceByKey.set(a.service.key, a.service);
  const processorByKey = new Map<string, { key: string; name: string }>();
  for (const a of arrangements) processorByKey.set(a.processor.key, a.processor);

  const sortedServices = [...serviceByKey.values()].sort((a, b) => a.name.localeCompare(b.name));
  const sortedProcessors = [...processorByKey.values()].sort((a, b) => a.name.localeCompare(b.name));
  const offset = (count: number, other: number) => ((Math.max(count, other) - count) * ROW) / 2;

  const nodes: MapNode[] = [
    ...sortedServices.map((s, i) => ({
      id: `service:${s.key}`,
      kind: 'service' as const,
      key: s.key,
      name: s.name,
      x: 0,
      y: offset(sortedServices.length, sortedProcessors.length) + i * ROW,
    })),
    ...sortedProcessors.map((p, i) => ({
      id: `processor:${p.key}`,
      kind: 'processor' as const,
      key: p.key,
      name: p.name,
      x: COLUMN_GAP,
      y: offset(sortedProcessors.length, sortedServices.length) + i * ROW,
    })),
  ];

  const nodeAt = new Map(nodes.map((n) => [n.id, n]));
  // Obstacles: the nodes, then each label as it is placed.
  const placed: Box[] = nodes.map((n) => ({ x: n.x, y: n.y, width: NODE_WIDTH, height: NODE_HEIGHT }));
  const pairCount = new Map<string, number>();
  for (const a of arrangements) pairCount.set(`${a.service.key}>${a.processor.key}`, (pairCount.get(`${a.service.key}>${a.processor.key}`) ?? 0) + 1);
  const pairSeen = new Map<string, number>();

  const edges: MapEdge[] = arrangements.map((a) => {
    const sensitive = a.dataCategories.some(isSensitive);
    const pair = `${a.service.key}>${a.processor.key}`;
    const index = pairSeen.get(pair) ?? 0;
    pairSeen.set(pair, index + 1);
    const bend = (index - ((pairCount.get(pair) ?? 1) - 1) / 2) * PARALLEL_GAP;
    const label = compactLabel(a.dataCategories, isSensitive);
    const source = `service:${a.service.key}`;
    const target = `processor:${a.processor.key}`;
    const s = nodeAt.get(source)!;
    const e = nodeAt.get(target)!;
    const from = { x: s.x + NODE_WIDTH, y: s.y + NODE_HEIGHT / 2 };
    const to = { x: e.x, y: e.y + NODE_HEIGHT / 2 };
    const width = label.length * CHAR_WIDTH + 16 + 2 * LABEL_MARGIN;
    const height = LABEL_HEIGHT + LABEL_MARGIN;
    const boxAt = ({ t, shift }: { t: number; shift: number }): Box => {
      const p = pointOnBentEdge(from, to, bend, t);
      return { x: p.x - width / 2, y: p.y - height / 2 + shift * height, width, height };
    };
    const clashes = (box: Box) => placed.filter((other) => overlaps(box, other)).length;
    const places = LABEL_SHIFTS.flatMap((shift) => LABEL_STOPS.map((t) => ({ t, shift })));
    const place = places.find((p) => clashes(boxAt(p)) === 0) ?? places.reduce((best, p) => (clashes(boxAt(p)) < clashes(boxAt(best)) ? p : best));
    const labelBox = boxAt(place);
    placed.push(labelBox);
    return {
      id: `sharing:${a.id}`,
      source,
      target,
      status: a.status,
      color: STATUS_EDGE_COLORS[a.status] ?? '#868e96',
      label,
      fullLabel: a.dataCategories.map((c) => (isSensitive(c) ? `${c} (sensitive)` : c)).join(', '),
      sensitive,
      // Data flows only while the arrangement is APPROVED: any other state is drawn dashed.
      dashed: !isSharingActive(a.status),
      bend,
      labelAt: place.t,
      labelShift: place.shift * height,
      labelBox,
    };
  });
  return { nodes, edges };
}
