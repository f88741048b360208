import { render } from 'preact';
import { App } from './App';
import type { SidebarView } from '../src/app/menu';

declare global {
  interface Window {
    __NASTAVNIK_VIEW__?: string;
  }
}

const VIEWS: SidebarView[] = ['home', 'registers', 'forms', 'match', 'roadmap', 'orders', 'monitoring', 'settings'];
const requested = window.__NASTAVNIK_VIEW__ as SidebarView;
const initial: SidebarView = VIEWS.includes(requested) ? requested : 'home';
const root = document.getElementById('app')!;
// The static «Загрузка…» placeholder goes first: Preact renders beside what it did not create.
root.textContent = '';
render(<App initialView={initial} />, root);
