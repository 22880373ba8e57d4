import { compactLabel, layoutDataMap, overlaps, type MapArrangement } from './data-map-layout';

const sensitive = (c: string) => c.startsWith('user.health') || c === 'user.biometric';
const arrangement = (id: string, dataCategories: string[], service = 'maps', processor = 'acme'): MapArrangement => ({
  id,
  status: 'APPROVED',
  dataCategories,
  service: { key: service, name: service },
  processor: { key: processor, name: processor },
});

describe('compactLabel', () => {
  it('should always show the sensitive categories and count the others', () => {
    expect(compactLabel(['user.contact.email', 'user.health', 'device.log'], sensitive)).toBe('⚠ user.health +2');
    expect(compactLabel(['user.contact.email', 'device.log', 'user.name'], sensitive)).toBe('user.contact.email +2');
    expect(compactLabel(['device.log'], sensitive)).toBe('device.log');
  });
});

describe('layoutDataMap', () => {
  it('should draw three arrangements of one pair as three separate curves whose labels do not overlap', () => {
    const { edges } = layoutDataMap(
      [{ key: 'maps', name: 'Maps' }],
      [arrangement('a', ['user.health', 'device.log']), arrangement('b', ['user.contact.email']), arrangement('c', ['user.biometric', 'user.name', 'device.log'])],
      sensitive,
    );
    expect(new Set(edges.map((e) => e.bend)).size).toBe(3);
    for (const e of edges) for (const other of edges) if (e !== other) expect(overlaps(e.labelBox, other.labelBox)).toBe(false);
    expect(edges.map((e) => e.label)).toEqual(['⚠ user.health +1', 'user.contact.email', '⚠ user.biometric +2']);
    expect(edges[2].fullLabel).toBe('user.biometric (sensitive), user.name, device.log');
  });

  it('should keep labels off each other and off the nodes where edges of different pairs cross', () => {
    const { nodes, edges } = layoutDataMap(
      [],
      [arrangement('1', ['device.log'], 'a', 'x'), arrangement('2', ['device.log'], 'a', 'y'), arrangement('3', ['user.health'], 'b', 'x'), arrangement('4', ['device.log'], 'b', 'y')],
      sensitive,
    );
    const nodeBoxes = nodes.map((n) => ({ x: n.x, y: n.y, width: 190, height: 54 }));
    for (const e of edges) {
      for (const other of edges) if (e !== other) expect(overlaps(e.labelBox, other.labelBox)).toBe(false);
      for (const box of nodeBoxes) expect(overlaps(e.labelBox, box)).toBe(false);
    }
  });

  it('should find every label a free place on a crowded map like the demo one', () => {
    const pairs: [string, string, string[]][] = [
      ['lens', 'crash', ['device.log']],
      ['lens', 'edge', ['user.account']],
      ['lens', 'voicely', ['device.microphone', 'user.content']],
      ['maps', 'tiles', ['device.location']],
      ['maps', 'tiles', ['device.location', 'device.log']],
      ['maps', 'triple', ['device.location', 'device.log', 'user.account']],
      ['maps', 'triple', ['device.location']],
      ['maps', 'triple', ['device.log', 'user.account']],
      ['moments', 'edge', ['user.content.image', 'user.account']],
      ['moments', 'triple', ['user.account']],
      ['moments', 'voicely', ['user.contact.email']],
      ['moments', 'tiles', ['device.microphone']],
    ];
    const loud = (c: string) => c === 'device.location' || c === 'device.microphone';
    const { nodes, edges } = layoutDataMap([], pairs.map(([s, p, c], i) => arrangement(String(i), c, s, p)), loud);
    const nodeBoxes = nodes.map((n) => ({ x: n.x, y: n.y, width: 190, height: 58 }));
    for (const e of edges) {
      for (const other of edges) if (e !== other) expect(overlaps(e.labelBox, other.labelBox)).toBe(false);
      for (const box of nodeBoxes) expect(overlaps(e.labelBox, box)).toBe(false);
    }
  });
});
