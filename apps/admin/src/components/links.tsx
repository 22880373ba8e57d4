import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { ReactNode } from 'react';

/** A Mantine anchor that navigates inside the console. */
export const RouterLink = ({ to, children, ...rest }: { to: string; children: ReactNode; 'aria-label'?: string }) => (
  <Anchor component={Link} to={to} {...rest}>
    {children}
  </Anchor>
);
