import { AppShell, Badge, Burger, Button, Group, NavLink, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { navigationFor, ROLE_LABELS } from './navigation';
import { useViewer, useSession } from './session';

/** Header with the viewer and sign-out; navigation with only what the viewer's roles can use. */
export function Layout() {
  const viewer = useViewer();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const items = navigationFor(viewer);
  const isActive = (path: string) => (path === '/' ? location.pathname === '/' : location.pathname === path || location.pathname.startsWith(`${path}/`));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h4">
              Canopy
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap" data-testid="viewer">
            <VisuallyHidden>Signed in as</VisuallyHidden>
            <Text size="sm" fw={500}>
              {viewer.name}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {viewer.email}
            </Text>
            {viewer.roles.map((role) => (
              <Badge key={role} variant="light" size="sm">
                {ROLE_LABELS[role]}
              </Badge>
            ))}
            <Button
              variant="default"
              size="xs"
              onClick={async () => {
                await signOut();
                navigate('/signin', { replace: true });
              }}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {items.map((item) => (
          <NavLink
            key={item.path}
            component={RouterNavLink}
            to={item.path}
            label={item.label}
            active={isActive(item.path)}
            onClick={close}
            aria-current={isActive(item.path) ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
