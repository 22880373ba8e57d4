import { useMemo, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Background, BaseEdge, Controls, EdgeLabelRenderer, MarkerType, ReactFlow, type Edge, type EdgeProps, type Node } from '@xyflow/react';
import { Badge, Box, Group, Text, Tooltip } from '@mantine/core';
import { bentControlPoint, layoutDataMap, NODE_WIDTH, pointOnBentEdge, STATUS_EDGE_COLORS, type MapArrangement } from './data-map-layout';

interface ArrangementEdgeData extends Record<string, unknown> {
  label: string;
  fullLabel: string;
  sensitive: boolean;
  bend: number;
  labelAt: number;
  labelShift: number;
  status: string;
  arrangementId: string;
}

const arrangementPath = (id: string) => `/sharing/${id}`;

/**
 * One arrangement: a curve bent apart from the other arrangements of the
 * same pair, a sensitive marker drawn on the line itself, and a compact
 * label (a link: focus it, or hover, for every category; Enter opens the
 * arrangement).
 */
function ArrangementEdge({ id, sourceX, sourceY, targetX, targetY, data, style, markerEnd }: EdgeProps<Edge<ArrangementEdgeData>>) {
  const from = { x: sourceX, y: sourceY };
  const to = { x: targetX, y: targetY };
  const bend = data?.bend ?? 0;
  const control = bentControlPoint(from, to, bend);
  const path = `M ${from.x},${from.y} Q ${control.x},${control.y} ${to.x},${to.y}`;
  const label = pointOnBentEdge(from, to, bend, data?.labelAt ?? 0.5);
  const marker = pointOnBentEdge(from, to, bend, 0.12);
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} interactionWidth={16} />
      {data?.sensitive && (
        <g transform={`translate(${marker.x},${marker.y})`} data-testid="sensitive-marker" aria-hidden="true">
          <circle r={8} fill="#c92a2a" />
          <text textAnchor="middle" dominantBaseline="central" fill="#fff" fontSize={11} fontWeight={700}>
            !
          </text>
        </g>
      )}
      {data && (
        <EdgeLabelRenderer>
          <Tooltip label={`${data.status.replace(/_/g, ' ').toLowerCase()}: ${data.fullLabel}`} events={{ hover: true, focus: true, touch: true }} multiline maw={360} withinPortal>
            <Link
              to={arrangementPath(data.arrangementId)}
              className="datamap-edge-label nodrag nopan"
              data-testid="datamap-edge-label"
              data-sensitive={data.sensitive ? 'true' : undefined}
              aria-label={`${data.status.replace(/_/g, ' ').toLowerCase()} arrangement: ${data.fullLabel}`}
              style={{
                position: 'absolute',
                transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y + (data.labelShift ?? 0)}px)`,
                // Above every edge's line, so a line never covers a label's words.
                zIndex: 1000,
                pointerEvents: 'all',
                whiteSpace: 'nowrap',
                fontSize: 11,
                lineHeight: '16px',
                padding: '2px 6px',
                borderRadius: 4,
                background: '#fff',
                border: `1px solid ${data.sensitive ? '#c92a2a' : 'var(--mantine-color-gray-4)'}`,
                color: data.sensitive ? '#c92a2a' : '#495057',
                fontWeight: data.sensitive ? 700 : 400,
                textDecoration: 'none',
              }}
            >
              {data.label}
            </Link>
          </Tooltip>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

const edgeTypes = { arrangement: ArrangementEdge };

/** Services and the processors they share data with; click either end, or an edge for its arrangement. */
export function DataMap({
  services,
  arrangements,
  isSensitive,
}: {
  services: readonly { key: string; name: string }[];
  arrangements: readonly MapArrangement[];
  isSensitive: (key: string) => boolean;
}) {
  const navigate = useNavigate();
  const { nodes, edges } = useMemo(() => {
    const layout = layoutDataMap(services, arrangements, isSensitive);
    const nodes: Node[] = layout.nodes.map((n) => ({
      id: n.id,
      position: { x: n.x, y: n.y },
      ariaLabel: `${n.kind === 'service' ? 'Service' : 'Processor'} ${n.name}`,
      data: {
        label: (
          <Link to={n.kind === 'service' ? `/services/${n.key}` : `/processors/${n.key}`} style={{ color: 'inherit', textDecoration: 'none' }}>
            <Text size="xs" c="dimmed" component="span" display="block">
              {n.kind}
            </Text>
            <Text size="sm" fw={600} component="span" display="block">
              {n.name}
            </Text>
          </Link>
        ),
      },
      className: `datamap-${n.kind}`,
      style: {
        borderColor: n.kind === 'service' ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-indigo-6)',
        width: NODE_WIDTH,
      },
      sourcePosition: 'right' as Node['sourcePosition'],
      targetPosition: 'left' as Node['targetPosition'],
      draggable: false,
      connectable: false,
    }));
    const edges: Edge<ArrangementEdgeData>[] = layout.edges.map((e) => ({
      id: e.id,
      type: 'arrangement',
      source: e.source,
      target: e.target,
      ariaLabel: `${e.status.replace(/_/g, ' ').toLowerCase()} arrangement: ${e.fullLabel}. Enter opens it.`,
      style: { stroke: e.color, strokeWidth: e.sensitive ? 3 : 2, strokeDasharray: e.dashed ? '6 4' : undefined },
      markerEnd: { type: MarkerType.ArrowClosed, color: e.color },
      data: { status: e.status, label: e.label, fullLabel: e.fullLabel, sensitive: e.sensitive, bend: e.bend, labelAt: e.labelAt, labelShift: e.labelShift, arrangementId: e.id.slice('sharing:'.length) },
    }));
    return { nodes, edges };
  }, [services, arrangements, isSensitive]);

  // Enter on a focused edge opens its arrangement, as a click does.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter') return;
    const edge = (event.target as Element).closest?.('.react-flow__edge');
    const id = edge?.getAttribute('data-id') ?? edge?.getAttribute('data-testid')?.replace(/^rf__edge-/, '');
    if (id?.startsWith('sharing:')) {
      event.preventDefault();
      navigate(arrangementPath(id.slice('sharing:'.length)));
    }
  };

  return (
    <Box>
      <Box h={Math.max(320, Math.min(640, nodes.length * 45 + 120))} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }} data-testid="data-map" onKeyDown={onKeyDown}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          edgeTypes={edgeTypes}
          edgesFocusable
          fitView
          fitViewOptions={{ padding: 0.12 }}
          minZoom={0.3}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          proOptions={{ hideAttribution: true }}
          onNodeClick={(_, node) => {
            const [kind, key] = node.id.split(':');
            navigate(kind === 'service' ? `/services/${key}` : `/processors/${key}`);
          }}
          onEdgeClick={(_, edge) => navigate(arrangementPath(edge.id.slice('sharing:'.length)))}
          aria-label="Data map"
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </Box>
      <Group gap="xs" mt="xs" aria-label="Legend">
        {Object.entries(STATUS_EDGE_COLORS).map(([status, color]) => (
          <Badge key={status} variant="outline" style={{ borderColor: color, color }}>
            {status.replace(/_/g, ' ').toLowerCase()}
          </Badge>
        ))}
        <Text size="xs" c="dimmed">
          ⚠, a red ! on the line and a thicker line: shares a sensitive category. A label counts the other categories: hover or focus it for the whole list. Dashed: not (or no longer) approved.
        </Text>
      </Group>
    </Box>
  );
}
