import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { MODULES, type ModuleId } from '../modules/navigation.ts';
import { useSessionStore } from '../stores/session.ts';
import LoginPage from '../modules/auth/LoginPage.vue';
import AppLayout from '../modules/shell/AppLayout.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page). */
    public?: boolean;
    /** The feature module a page belongs to; the guard checks the user's roles may see it. */
    module?: ModuleId;
  }
}

// Feature pages load on demand so the login page stays small.
const PAGES: Record<ModuleId, () => Promise<unknown>> = {
  workbench: () => import('../modules/workbench/WorkbenchPage.vue'),
  customers: () => import('../modules/customers/CustomersPage.vue'),
  leads: () => import('../modules/leads/LeadsPage.vue'),
  pipeline: () => import('../modules/pipeline/PipelinePage.vue'),
  campaigns: () => import('../modules/campaigns/CampaignsPage.vue'),
  wallboard: () => import('../modules/wallboard/WallboardPage.vue'),
  reports: () => import('../modules/reports/ReportsPage.vue'),
  recordings: () => import('../modules/recordings/RecordingsPage.vue'),
  admin: () => import('../modules/admin/AdminPage.vue'),
};

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: () => import('../modules/shell/HomePage.vue') },
      ...MODULES.map((id): RouteRecordRaw => ({ path: id, name: id, component: PAGES[id], meta: { module: id } })),
      // The call log belongs to the workbench module (same roles); it is reached from the workbench.
      { path: 'calls', name: 'calls', component: () => import('../modules/calls/CallLogPage.vue'), meta: { module: 'workbench' } },
      // Live calls with the supervisor call actions belong to the wallboard module (same roles).
      { path: 'live-calls', name: 'live-calls', component: () => import('../modules/supervision/LiveCallsPage.vue'), meta: { module: 'wallboard' } },
      // Voicemail of the user's own mailbox and member queues, reached from the workbench.
      { path: 'voicemail', name: 'voicemail', component: () => import('../modules/voicemail/VoicemailPage.vue'), meta: { module: 'workbench' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('../modules/shell/NotFoundPage.vue') },
    ],
  },
];

export const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });

router.beforeEach(async (to) => {
  const session = useSessionStore();
  // On a reload the session cookie may still be valid: ask /api/auth/me before deciding.
  await session.restore();
  const signedIn = session.status === 'authenticated';

  if (to.meta.public) return signedIn && to.name === 'login' ? { name: 'home' } : true;
  if (!signedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };

  const first = session.modules[0];
  if (to.name === 'home' && first) return { name: first };
  if (to.meta.module && !session.modules.includes(to.meta.module)) return { name: 'home' };
  return true;
});
