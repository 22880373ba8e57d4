import { Alert } from '@mantine/core';
import { RouterLink } from '../components/links';

export function NotFoundPage() {
  return (
    <Alert color="gray" title="Page not found">
      There is no page at this address. <RouterLink to="/">Back to your start page</RouterLink>
    </Alert>
  );
}
