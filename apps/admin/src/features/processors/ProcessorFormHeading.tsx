import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading';

/** The heading of the processor forms: under Processors, then `trail`. */
export function ProcessorFormHeading({ trail, title }: { trail: ReactNode; title: string }) {
  return (
    <PageHeading
      up={{ to: '/processors', label: 'Processors' }}
      here={trail}
      title={title}
    />
  );
}
