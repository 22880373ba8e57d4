import userEvent from '@testing-library/user-event';
import type { ComponentProps, ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { StaticSession, type Viewer } from '../app/session';
import { theme } from '../app/theme';

export const officer: Viewer = {
  __typename: 'User',
  id: 'u-dpo',
  email: 'dpo@canopy.demo',
  name: 'Dana Officer',
  roles: ['PRIVACY_OFFICER'],
  teams: [],
};

export const engineer: Viewer = {
  __typename: 'User',
  id: 'u-eng',
  email: 'eng.geo@canopy.demo',
  name: 'Gus Geo',
  roles: ['ENGINEER'],
  teams: [{ __typename: 'Team', id: 't-geo', key: 'geo', name: 'Geo and maps' }],
};

export const auditor: Viewer = {
  __typename: 'User',
  id: 'u-aud',
  email: 'auditor@canopy.demo',
  name: 'Aria Auditor',
  roles: ['AUDITOR'],
  teams: [],
};

/** Shows where the router is, for tests of redirects. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}`}</div>;
}

/** Renders a page the way the console does: Mantine, mocked Apollo, a session and a router at `path`; `user` drives it. */
export function renderPage(
  element: ReactElement,
  {
    viewer = officer,
    mocks = [],
    path = '/',
    route = '/',
    signIn,
  }: { viewer?: Viewer | null; mocks?: MockedProviderProps['mocks']; path?: string; route?: string; signIn?: ComponentProps<typeof StaticSession>['signIn'] } = {},
) {
  // The user's typing and clicks, without delays (Mantine forms in jsdom are slow enough).
  const user = userEvent.setup({ delay: null });
  const rendered = render(
    // env="test": no transitions and no portals, as Mantine's testing guide advises.
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <MockedProvider mocks={mocks}>
        <StaticSession viewer={viewer} signIn={signIn}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path={route} element={element} />
              <Route path="*" element={<LocationProbe />} />
            </Routes>
          </MemoryRouter>
        </StaticSession>
      </MockedProvider>
    </MantineProvider>,
  );
  return { ...rendered, user };
}
