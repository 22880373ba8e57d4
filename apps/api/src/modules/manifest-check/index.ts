/** The manifest check (`canopy check`) sits above findings; other features need nothing of it. */
export type { ManifestCheckContext } from './manifest-check.context';
