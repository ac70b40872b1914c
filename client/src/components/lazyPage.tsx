import { lazy, type ComponentType } from 'react';
import { ErrorPage } from './PageFallback';

/** The address whose page was loaded again because its code did not come; another failure there shows an error. */
const RELOADED_FOR = 'yp-reloaded-for';

/** Shown where a page's code could not be fetched even after loading the page again. */
function PageCodeMissing() {
  return (
    <ErrorPage
      error={{ code: 'NETWORK', message: "the page's code could not be fetched", fields: {} }}
      onRetry={() => location.reload()}
    />
  );
}

/**
 * A feature page in its own chunk, fetched on first visit, so the first load carries only the shell (AppLayout shows a
 * spinner meanwhile, in <Suspense>). Add a page as `const XPage = page(() => import('./features/x/XPage'), 'XPage');`.
 *
 * A tab opened before a new release asks for the old release's chunks, which the server no longer has: the page is then
 * loaded again, once, to get the new release. Should the chunk fail again (the network), the page says so, with a retry
 * button, instead of the whole app going blank.
 */
export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async (): Promise<{ default: ComponentType }> => {
    try {
      const module = await load();
      sessionStorage.removeItem(RELOADED_FOR);
      return { default: module[name] };
    } catch {
      if (sessionStorage.getItem(RELOADED_FOR) !== location.pathname) {
        sessionStorage.setItem(RELOADED_FOR, location.pathname);
        location.reload();
        return new Promise<never>(() => {});
      }
      sessionStorage.removeItem(RELOADED_FOR);
      return { default: PageCodeMissing };
    }
  });
}
