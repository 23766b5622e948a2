/** The shell: sign-in gate, header with navigation and role, and the page for the current hash. */
import { lazy, Suspense } from 'preact/compat';
import { useMemo, useState } from 'preact/hooks';
import { Api, clearSession, loadSession, saveSession, type Session } from './api.js';
import { Login } from './login.js';
import { PageErrorBoundary } from './components/error-boundary.js';
import { useRoute, type Route } from './router.js';
import { SessionContext } from './session.js';
import { LanguageSwitch } from './components/language-switch.js';
import { loadLang, saveLang, useWords, wordsFor, WordsContext, type Lang } from './i18n/i18n.js';
import { Overview } from './pages/overview.js';
import { HypothesisPage } from './pages/hypothesis.js';
import { DocumentPage } from './pages/document.js';
import { EventPage } from './pages/event.js';
import { AlertsPage } from './pages/alerts.js';
import { SourcesPage } from './pages/sources.js';
import { CalibrationPage } from './pages/calibration.js';
import { DocumentsPage } from './pages/documents.js';
import { ActorPage } from './pages/actor.js';
import { StoryPage } from './pages/story.js';

// The events page carries the world map (TopoJSON): loaded on demand, off the first paint.
const EventsPage = lazy(() => import('./pages/events.js').then((m) => ({ default: m.EventsPage })));

const NAV = [
  ['', 'overview'],
  ['events', 'events'],
  ['documents', 'documents'],
  ['alerts', 'alerts'],
  ['sources', 'sources'],
  ['calibration', 'calibration'],
] as const;

/** The language (persisted) around the app, so the sign-in page follows it too. */
export function App() {
  const [lang, setLang] = useState<Lang>(() => loadLang());
  const words = useMemo(() => wordsFor(lang), [lang]);
  return (
    <WordsContext.Provider value={words}>
      <Shell
        onLang={(next) => {
          saveLang(next);
          setLang(next);
        }}
      />
    </WordsContext.Provider>
  );
}

function Shell({ onLang }: { onLang: (lang: Lang) => void }) {
  const w = useWords();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const route = useRoute();
  // The API words board titles in the dashboard's language (Accept-Language).
  const value = useMemo(
    () =>
      session
        ? { session, api: new Api(session.token, w.lang), canEdit: session.role !== 'viewer' }
        : null,
    [session, w.lang],
  );
  if (!session || !value) {
    return (
      <>
        <LanguageSwitch onLang={onLang} />
        <Login
          onSession={(s) => {
            saveSession(s);
            setSession(s);
          }}
        />
      </>
    );
  }
  const section = route.parts[0] ?? '';
  return (
    <SessionContext.Provider value={value}>
      <a class="skip" href="#main" onClick={skipToMain}>
        {w.ui.skip}
      </a>
      <header class="top">
        <a class="brand" href="#/">
          Vigie
        </a>
        <nav aria-label="Main">
          {NAV.map(([path, label]) => (
            <a key={path} href={`#/${path}`} aria-current={section === path ? 'page' : undefined}>
              {w.ui.nav[label]}
            </a>
          ))}
        </nav>
        <span class="who" data-testid="role">
          {session.name ? `${session.name} · ` : ''}
          <strong>{session.role}</strong>
        </span>
        <LanguageSwitch onLang={onLang} />
        <button
          type="button"
          class="secondary small"
          onClick={() => {
            clearSession();
            setSession(null);
          }}
        >
          {w.ui.signOut}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {/* A new language loads the page again: its titles come from the API in that language. */}
        <PageErrorBoundary key={`${w.lang}:${route.parts.join('/')}`}>
          <Page route={route} />
        </PageErrorBoundary>
      </main>
    </SessionContext.Provider>
  );
}

function skipToMain(e: MouseEvent) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

function Page({ route }: { route: Route }) {
  const w = useWords();
  const [section, id] = route.parts;
  switch (section) {
    case undefined:
      return <Overview query={route.query} />;
    case 'hypotheses':
      return id ? <HypothesisPage id={id} /> : <Overview query={route.query} />;
    case 'documents':
      return id ? (
        <DocumentPage id={id} query={route.query} />
      ) : (
        <DocumentsPage query={route.query} />
      );
    case 'actors':
      return id ? <ActorPage code={id} query={route.query} /> : <NotFound />;
    case 'stories':
      return id ? <StoryPage id={id} /> : <NotFound />;
    case 'events':
      if (id) return <EventPage id={id} />;
      return (
        <Suspense fallback={<p class="muted">{w.ui.loading}</p>}>
          <EventsPage query={route.query} />
        </Suspense>
      );
    case 'alerts':
      return <AlertsPage />;
    case 'sources':
      return <SourcesPage />;
    case 'calibration':
      return <CalibrationPage boardId={id} />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const w = useWords();
  return (
    <section>
      <h1>{w.ui.notFound}</h1>
      <p>
        {w.ui.notFoundText} <a href="#/">{w.ui.backToOverview}</a>.
      </p>
    </section>
  );
}
