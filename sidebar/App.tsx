import { useEffect, useState } from 'preact/hooks';
import type { SidebarView } from '../src/app/menu';
import { Home } from './views/Home';
import { VIEWS } from './views';

const NAV: Array<{ view: SidebarView; label: string }> = [
  { view: 'home', label: 'Главная' },
  { view: 'registers', label: 'Проверка' },
  { view: 'forms', label: 'Анкеты' },
  { view: 'match', label: 'Пары' },
  { view: 'roadmap', label: 'Сроки' },
  { view: 'orders', label: 'Приказы' },
  { view: 'monitoring', label: 'Мониторинг' },
  { view: 'settings', label: 'Настройки' },
];

/**
 * Views that only show the workbook's state: reloaded when the workbook changed outside the
 * sidebar (the local preview's page says so after a menu action). Views holding what the curator
 * typed or picked (forms, settings, orders, the check's findings) are left as they are.
 */
const RELOADED = new Set<SidebarView>(['home', 'match', 'roadmap', 'monitoring']);

export function App({ initialView }: { initialView: SidebarView }) {
  const [view, setView] = useState<SidebarView>(initialView);
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.origin === location.origin && (e.data as { type?: unknown } | null)?.type === 'nastavnik:changed') setEpoch((n) => n + 1);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  const View = view === 'home' ? Home : VIEWS[view];
  return (
    <div class="app">
      <nav class="nav" aria-label="Разделы">
        {NAV.map((n) => (
          <button
            key={n.view}
            type="button"
            class={n.view === view ? 'tab active' : 'tab'}
            aria-current={n.view === view ? 'page' : undefined}
            onClick={() => setView(n.view)}
          >
            {n.label}
          </button>
        ))}
      </nav>
      <main>
        <View key={RELOADED.has(view) ? `${view}.${epoch}` : view} />
      </main>
    </div>
  );
}
