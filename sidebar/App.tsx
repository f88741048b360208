import { useState } from 'preact/hooks';
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

export function App({ initialView }: { initialView: SidebarView }) {
  const [view, setView] = useState<SidebarView>(initialView);
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
        <View />
      </main>
    </div>
  );
}
