/** The notices feature's face: the wiring root builds its service and loaders. */
export { NoticeService, type NoticeSettings } from './notice.app-service';
export { createNoticeLoaders, type NoticeLoaders } from './notice.loaders';
export type { NoticesContext } from './notices.context';
