import { ProcessorEntity, processorSnapshot, UserEntity } from '../../entities';
import { CERTIFICATIONS, COUNTRIES, PROCESSOR_KINDS } from './catalogue';
import { actor, AuditSink, DatasetContext } from './dataset-context';

export interface Processors {
  all: ProcessorEntity[];
  /** Those whose DPA is valid beyond the next month: most arrangements go to them. */
  withValidDpa: ProcessorEntity[];
}

/** Six processors per hundred services (at least ten), with valid, expiring, expired and missing DPAs. */
export function buildProcessors(ctx: DatasetContext, serviceCount: number, officerUsers: UserEntity[], audit: AuditSink): Processors {
  const { random } = ctx;
  const processorCount = Math.max(10, Math.round(serviceCount * 0.06));
  const all: ProcessorEntity[] = [];
  const withValidDpa: ProcessorEntity[] = [];
  for (let i = 0; i < processorCount; i++) {
    const created = ctx.between(ctx.at(690), ctx.at(400));
    const dpa = random.weighted([['valid', 75], ['expiring', 5], ['expired', 10], ['none', 10]]);
    const kind = random.pick(PROCESSOR_KINDS);
    const row = Object.assign(new ProcessorEntity(), {
      id: random.uuid(),
      key: `${kind}-${String(i + 1).padStart(3, '0')}`,
      name: `${kind[0].toUpperCase()}${kind.slice(1)} Vendor ${i + 1}`,
      country: random.pick(COUNTRIES),
      contactEmail: random.chance(0.8) ? `privacy@${kind}-${i + 1}.example.com` : null,
      dpaSignedAt: dpa === 'none' ? null : created,
      dpaExpiresAt: dpa === 'none' ? null : dpa === 'expired' ? ctx.at(random.int(1, 200)) : dpa === 'expiring' ? ctx.at(-random.int(1, 30)) : ctx.at(-random.int(60, 900)),
      dpaReference: dpa === 'none' ? null : `DPA-${2024 + random.int(0, 2)}-${String(i + 1).padStart(4, '0')}`,
      transferMechanism: random.pick([null, 'ADEQUACY', 'SCC']),
      certifications: random.sample(CERTIFICATIONS, random.int(0, 3)),
      subProcessors: random.chance(0.3) ? [{ name: `${kind} hosting`, country: random.pick(COUNTRIES), purpose: 'hosting' }] : null,
      version: 1,
      createdAt: created,
      updatedAt: created,
    });
    all.push(row);
    if (dpa === 'valid') withValidDpa.push(row);
    audit.push({ at: created, ...actor(random.pick(officerUsers)), action: 'processor.registered', entityType: 'processor', entityId: row.key, after: processorSnapshot(row) });
  }
  return { all, withValidDpa };
}
