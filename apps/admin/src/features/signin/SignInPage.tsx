import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { Alert, Badge, Button, Center, Container, Group, Paper, PasswordInput, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useSession } from '../../app/session';
import { safeReturnPath } from '../../app/guards';
import { Loading } from '../../components/QueryState';
import { ROLE_LABELS } from '../../app/navigation';
import { fetchDemoLogins, type DemoLogin } from './demo-logins';
import { textInput } from '../../components/forms/text-input';

/** Email and password, or an API token; demo accounts are listed when the API runs in demo mode. */
export function SignInPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get('next'));
  const [mode, setMode] = useState<string | null>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [demo, setDemo] = useState<DemoLogin[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    void fetchDemoLogins(controller.signal).then(setDemo);
    return () => controller.abort();
  }, []);

  if (session.status === 'signed-in') return <Navigate to={next} replace />;
  if (session.status === 'loading') return <Loading label="Checking your session…" />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (mode === 'token' ? !token.trim() : !email.trim() || !password) {
      setError(mode === 'token' ? 'Enter an API token.' : 'Enter your e-mail address and password.');
      return;
    }
    setSubmitting(true);
    const result = await session.signIn(mode === 'token' ? { token: token.trim() } : { email: email.trim(), password });
    setSubmitting(false);
    if (!result.ok) setError(result.message);
  };

  return (
    <Container size={520} py={60}>
      <Stack>
        <Title order={1} ta="center">
          Sign in to Canopy
        </Title>
        {params.get('next') && (
          <Text c="dimmed" ta="center" size="sm">
            Sign in to continue to {next}.
          </Text>
        )}
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} aria-label="Sign in">
          <Tabs value={mode} onChange={setMode}>
            <Tabs.List grow mb="md">
              <Tabs.Tab value="password">E-mail and password</Tabs.Tab>
              <Tabs.Tab value="token">API token</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="password">
              <Stack>
                <TextInput label="E-mail" type="email" autoComplete="username" {...textInput(email, setEmail)} withAsterisk />
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  {...textInput(password, setPassword)}
                  withAsterisk
                />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="token">
              <PasswordInput
                label="API token"
                description="A token minted in Canopy; it is exchanged for a session cookie."
                autoComplete="off"
                {...textInput(token, setToken)}
              />
            </Tabs.Panel>
          </Tabs>
          {error && (
            <Alert color="red" mt="md" role="alert" title="Could not sign in">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" mt="lg">
            <Button type="submit" loading={submitting}>
              Sign in
            </Button>
          </Group>
        </Paper>
        {demo.length > 0 && (
          <Paper withBorder p="md" radius="md" aria-labelledby="demo-title">
            <Title order={2} size="h5" id="demo-title" mb="xs">
              Demo accounts
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              This server runs in demo mode. Every demo account shares one password.
            </Text>
            <Table>
              <Table.Tbody>
                {demo.map((login) => (
                  <Table.Tr key={login.email}>
                    <Table.Td>
                      <Text size="sm">{login.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {login.roles.map((r) => (
                          <Badge key={r} size="xs" variant="light">
                            {ROLE_LABELS[r] ?? r}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`Use ${login.email}`}
                        onClick={() => {
                          setMode('password');
                          setEmail(login.email);
                          setPassword(login.password);
                        }}
                      >
                        Use
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        <Center>
          <Text size="xs" c="dimmed">
            The session is kept in an httpOnly cookie; signing out ends it on the server.
          </Text>
        </Center>
      </Stack>
    </Container>
  );
}
