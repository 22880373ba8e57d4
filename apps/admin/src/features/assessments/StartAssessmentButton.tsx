import { Link } from 'react-router';
import { Button } from '@mantine/core';
import type { AssessmentKind } from '@canopy/domain';
import { newAssessmentPath } from './assessment-words';

/** "Start DPIA" on a service, "Start TIA" on a sharing arrangement: opens a blank draft in the editor. */
export function StartAssessmentButton({ kind, serviceKey, arrangementId }: { kind: AssessmentKind; serviceKey: string; arrangementId?: string }) {
  return (
    <Button component={Link} to={newAssessmentPath(kind, serviceKey, arrangementId)} variant="light" size="compact-sm">
      Start {kind}
    </Button>
  );
}
