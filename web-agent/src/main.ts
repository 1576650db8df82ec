import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/dist/index.css';
import './styles/main.css';
import App from './App.vue';
import { i18n } from './i18n/index.ts';
import { router } from './router/index.ts';
import { onUnauthenticated } from './services/api.ts';
import { useSessionStore } from './stores/session.ts';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(router);

// A 401 on any request after sign-in means the session ended on the server (expired, revoked, or the
// user signed out in another tab): drop the local copy and return to the login page.
const session = useSessionStore();
onUnauthenticated(() => {
  if (session.status !== 'authenticated') return;
  session.expire();
  const here = router.currentRoute.value.fullPath;
  void router.replace({ name: 'login', query: { redirect: here } });
});

void router.isReady().then(() => app.mount('#app'));
