import { Alert } from '@mantine/core';
import { RouterLink } from './links';

/** A page's object does not exist: say which, and where to go instead. */
export function NotFoundAlert({ what, keyValue, back, backLabel }: { what: string; keyValue: string; back: string; backLabel: string }) {
  return (
    <Alert color="gray" title={`${what[0].toUpperCase()}${what.slice(1)} not found`}>
      No {what} has the key “{keyValue}”. <RouterLink to={back}>{backLabel}</RouterLink>
    </Alert>
  );
}
