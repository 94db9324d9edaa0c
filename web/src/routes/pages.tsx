import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Switch } from 'wouter';
import { NotFound, Loading } from '../components/status.js';
import { DashboardPage } from './dashboard-page.js';

export interface Page {
  /** Path after the language: `/map` is served at `/en/map`. */
  path: string;
  component: ComponentType;
  /** i18n key of its label in the main navigation; none: not in the navigation. */
  nav?: string;
  /** The page routes the paths below its own (`/workspace/search`) itself. */
  nest?: boolean;
}

/**
 * Every page of the web app. The dashboard is in the main bundle (it is the first screen);
 * the others are loaded when first visited, so the map and report code waits until needed.
 * A page owns its data: it fetches what it shows.
 */
export const PAGES: Page[] = [
  { path: '/', component: DashboardPage, nav: 'nav.dashboard' },
  {
    path: '/map',
    component: lazy(() => import('./map-page.js').then((m) => ({ default: m.MapPage }))),
    nav: 'nav.map',
  },
  {
    path: '/facilities',
    component: lazy(() =>
      import('./facilities-page.js').then((m) => ({ default: m.FacilitiesPage })),
    ),
    nav: 'nav.facilities',
  },
  {
    path: '/report',
    component: lazy(() => import('./report-page.js').then((m) => ({ default: m.ReportPage }))),
    nav: 'nav.report',
  },
  {
    // The analysts' pages behind a login; their code and strings load only here.
    path: '/workspace',
    component: lazy(() =>
      import('../workspace/workspace-page.js').then((m) => ({ default: m.WorkspacePage })),
    ),
    nav: 'nav.workspace',
    nest: true,
  },
];

export function PageRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        {PAGES.map((p) => (
          <Route key={p.path} path={p.path} component={p.component} nest={p.nest} />
        ))}
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
