import { notifications } from '@mantine/notifications';

/** Every save says it worked: a toast that stays a few seconds and is read out (role="alert" region of Mantine). */
export function notifySaved(message: string, title = 'Saved'): void {
  notifications.show({ title, message, color: 'teal', autoClose: 6000 });
}
