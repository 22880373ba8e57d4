/** The public pages' face: the wiring root mounts their routes at /public. */
export { PublicPages } from './public-pages.app-service';
export { publicRoutes, type PublicRoutesSettings } from './public.routes';
