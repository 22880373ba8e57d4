/**
 * Lays out the data map: services in the left column, processors in the
 * right, one edge per arrangement coloured by its status, sensitive
 * categories marked on the edge label. Pure, so it is tested without a browser.
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
  label: string;
  sensitive: boolean;
  dashed: boolean;
}

export const STATUS_EDGE_COLORS: Record<string, string> = {
  APPROVED: '#2f9e44',
  PENDING_REVIEW: '#f08c00',
  DRAFT: '#868e96',
  REJECTED: '#e03131',
  REVOKED: '#e03131',
  WITHDRAWN: '#adb5bd',
};

const ROW = 90;
const COLUMN_GAP = 460;

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

  const edges: MapEdge[] = arrangements.map((a) => {
    const sensitive = a.dataCategories.some(isSensitive);
    const categories = a.dataCategories.map((c) => (isSensitive(c) ? `${c} (sensitive)` : c)).join(', ');
    return {
      id: `sharing:${a.id}`,
      source: `service:${a.service.key}`,
      target: `processor:${a.processor.key}`,
      status: a.status,
      color: STATUS_EDGE_COLORS[a.status] ?? '#868e96',
      label: `${sensitive ? '⚠ ' : ''}${categories}`,
      sensitive,
      // Data flows only while the arrangement is APPROVED: any other state is drawn dashed.
      dashed: !isSharingActive(a.status),
    };
  });
  return { nodes, edges };
}
