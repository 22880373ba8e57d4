import { Checkbox, Group } from '@mantine/core';
import type { NoticeChannel } from '@canopy/domain';
import { CHANNEL_LABELS, CHANNELS } from '../notice-channels';

/** The notice channels as checkboxes (publishing with a notice, issuing one). */
export function NoticeChannelsField({ label, value, onChange }: { label: string; value: NoticeChannel[]; onChange: (channels: NoticeChannel[]) => void }) {
  return (
    <Checkbox.Group label={label} value={value} onChange={(v) => onChange(v as NoticeChannel[])}>
      <Group mt="xs">
        {CHANNELS.map((c) => (
          <Checkbox key={c} value={c} label={CHANNEL_LABELS[c]} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
