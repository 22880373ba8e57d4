import { clauseValue, formatDate, plural } from '../../lib/format';
import { channelList } from '../../components/notice-channels';

/**
 * A SERVICE_PREVAILS resolution takes effect when made and lowers what the
 * service's users get (DESIGN.md section 3): the officer is reminded of the
 * notice the amendment rule asks for, unless the service version was already announced.
 */
export function servicePrevailsReminder(input: {
  serviceName: string;
  topic: string;
  subject: string;
  globalValue: string;
  serviceValue: string;
  noticeDays: number;
  serviceVersionNotice?: { channels: readonly string[]; noticeAt: string } | null;
}): string {
  const [from, to] = [input.globalValue, input.serviceValue].map((value) => clauseValue(input.topic, value));
  const change = `${input.topic} ${input.subject} goes from ${from} (global policy) to ${to} (service policy)`;
  if (input.serviceVersionNotice) {
    return `If the service policy prevails, ${change} for users of ${input.serviceName} at once. The service policy version was announced by ${channelList(input.serviceVersionNotice.channels)} on ${formatDate(input.serviceVersionNotice.noticeAt)}: check that the notice covered this change.`;
  }
  return `If the service policy prevails, ${change} for users of ${input.serviceName} at once. This reduces their rights: the general policy asks for notice by e-mail or a prominent homepage notice, ${plural(input.noticeDays, 'day')} ahead of such a change, and no notice is recorded for this service policy version.`;
}
