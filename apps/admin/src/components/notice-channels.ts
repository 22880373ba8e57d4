import { NOTICE_CHANNELS, type NoticeChannel } from '@canopy/domain';

/** The domain's notice channels, in its order, as the reference policy words them. */
export const CHANNEL_LABELS: Record<NoticeChannel, string> = { EMAIL: 'e-mail to users', HOMEPAGE_BANNER: 'prominent homepage notice' };

export const CHANNELS: readonly NoticeChannel[] = NOTICE_CHANNELS;

export const channelList = (channels: readonly string[]) => channels.map((c) => CHANNEL_LABELS[c as NoticeChannel] ?? c).join(' and ');
