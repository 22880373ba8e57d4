import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/links';

/** The heading of the processor forms: under Processors, then `trail`. */
export function ProcessorFormHeading({ trail, title }: { trail: ReactNode; title: string }) {
  return (
    <PageHeading
      trail={
        <>
          <RouterLink to="/processors">Processors</RouterLink> / {trail}
        </>
      }
      title={title}
    />
  );
}
