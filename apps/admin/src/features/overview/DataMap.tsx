import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from '@xyflow/react';
import { Badge, Box, Group, Text } from '@mantine/core';
import { layoutDataMap, STATUS_EDGE_COLORS, type MapArrangement } from './data-map-layout';

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
        width: 190,
      },
      sourcePosition: 'right' as Node['sourcePosition'],
      targetPosition: 'left' as Node['targetPosition'],
      draggable: false,
      connectable: false,
    }));
    const edges: Edge[] = layout.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.label,
      ariaLabel: `${e.status.replace(/_/g, ' ').toLowerCase()} arrangement: ${e.label}`,
      style: { stroke: e.color, strokeWidth: e.sensitive ? 3 : 2, strokeDasharray: e.dashed ? '6 4' : undefined },
      labelStyle: { fill: e.sensitive ? '#c92a2a' : '#495057', fontSize: 11, fontWeight: e.sensitive ? 700 : 400 },
      labelBgStyle: { fill: '#fff' },
      markerEnd: { type: MarkerType.ArrowClosed, color: e.color },
      data: { status: e.status },
    }));
    return { nodes, edges };
  }, [services, arrangements, isSensitive]);

  return (
    <Box>
      <Box h={Math.max(320, Math.min(640, nodes.length * 45 + 120))} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }} data-testid="data-map">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          fitView
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          proOptions={{ hideAttribution: true }}
          onNodeClick={(_, node) => {
            const [kind, key] = node.id.split(':');
            navigate(kind === 'service' ? `/services/${key}` : `/processors/${key}`);
          }}
          onEdgeClick={(_, edge) => navigate(`/sharing/${edge.id.slice('sharing:'.length)}`)}
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
          ⚠ and a thicker line: shares a sensitive category. Dashed: not (or no longer) approved.
        </Text>
      </Group>
    </Box>
  );
}
