import { render } from 'preact';
import { App } from './App';
import { SIDEBAR_VIEWS, type SidebarView } from '../src/app/menu';

declare global {
  interface Window {
    __NASTAVNIK_VIEW__?: string;
  }
}

const requested = window.__NASTAVNIK_VIEW__ as SidebarView;
const initial: SidebarView = SIDEBAR_VIEWS.includes(requested) ? requested : 'home';
const root = document.getElementById('app')!;
// The static «Загрузка…» placeholder goes first: Preact renders beside what it did not create.
root.textContent = '';
render(<App initialView={initial} />, root);
